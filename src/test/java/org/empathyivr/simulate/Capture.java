package org.empathyivr.simulate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A FastAGI session captured from a real Asterisk 22.10.1 (src/test/resources/asterisk-captures/): the header fields
 * and the lines each way, in order. The capture's annotation after an unsolicited {@code HANGUP} is not on the wire and
 * is dropped; the header's terminating empty line, which the capture leaves out, is not part of {@link #lines()}.
 */
record Capture(String name, Map<String, String> header, List<String> lines) {
  private static final Pattern LINE = Pattern.compile("^\\s*\\d+ (<<|>>) (.*)$");

  static Capture load(String name) throws IOException {
    try (InputStream in = Capture.class.getResourceAsStream("/asterisk-captures/" + name + ".txt")) {
      if (in == null) throw new IOException("no capture " + name);
      Map<String, String> header = new LinkedHashMap<>();
      List<String> lines = new ArrayList<>();
      boolean inHeader = true;
      for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        Matcher m = LINE.matcher(raw);
        if (!m.matches()) continue;
        String text = m.group(2);
        if (text.startsWith("HANGUP   (")) text = "HANGUP";
        if (m.group(1).equals(">>")) inHeader = false;
        if (inHeader) {
          int colon = text.indexOf(": ");
          header.put(text.substring(0, colon), text.substring(colon + 2));
        }
        lines.add(m.group(1) + " " + text);
      }
      return new Capture(name, header, List.copyOf(lines));
    }
  }

  /** Asterisk's lines: {@code "<< ..."}. */
  List<String> fromAsterisk() {
    return lines.stream().filter(l -> l.startsWith("<< ")).toList();
  }

  /** Builds a simulator that sends this capture's header. */
  SimulatedAsterisk.Builder simulatorFor(String host, int port) {
    SimulatedAsterisk.Builder b = SimulatedAsterisk.connectingTo(host, port)
        .script(header.get("agi_network_script"))
        .uniqueId(header.get("agi_uniqueid"))
        .channel(header.get("agi_channel"))
        .threadId(header.get("agi_threadid"))
        .dialplanPosition(header.get("agi_context"), header.get("agi_extension"),
            Integer.parseInt(header.get("agi_priority")));
    String number = header.get("agi_callerid");
    String callerName = header.get("agi_calleridname");
    if (!number.equals("unknown") || !callerName.equals("unknown")) b.callerId(number, callerName);
    return b;
  }
}
