package org.empathyivr.adapter.fastagi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generated FastAGI input, Asterisk's side of a connection: the real captures' bytes (request, blank line, replies)
 * mutated at byte and line level, spliced, and random or structured garbage. Deterministic for a seed.
 */
final class AgiInputs {
  private static final Pattern CAPTURED = Pattern.compile("^\\s*\\d+ << (.*)$");
  private static final String[] REPLIES = {
    "200 result=0", "200 result=1", "200 result=-1", "HANGUP", "511 Command Not Permitted on a dead channel",
    "520-Invalid command syntax.  Proper usage follows:", "520 End of proper usage.", "510 Invalid or unknown command",
    "200 result=1696 (timeout) endpos=50379", "200 result=-1 (hangup) endpos=1", "100 result=0 Trying...",
  };

  private final List<byte[]> seeds;
  private final Random random;

  private AgiInputs(List<byte[]> seeds, long seed) {
    this.seeds = seeds;
    this.random = new Random(seed);
  }

  /** Inputs grown from the captures in src/test/resources/asterisk-captures. */
  static AgiInputs fromCaptures(long seed) throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/asterisk-captures"))) {
      for (Path file : files.sorted().toList()) seeds.add(asteriskSide(Files.readString(file)));
    }
    if (seeds.isEmpty()) throw new IOException("no captures");
    return new AgiInputs(seeds, seed);
  }

  /** What Asterisk sent in a capture: the request lines, the blank line that ends it on the wire, then replies. */
  static byte[] asteriskSide(String capture) {
    StringBuilder wire = new StringBuilder();
    boolean inRequest = true;
    for (String line : capture.split("\n")) {
      if (line.matches("^\\s*\\d+ >> .*") && inRequest) {
        wire.append('\n');
        inRequest = false;
      }
      Matcher m = CAPTURED.matcher(line);
      if (!m.matches()) continue;
      String text = m.group(1).startsWith("HANGUP   (") ? "HANGUP" : m.group(1);
      wire.append(text).append('\n');
    }
    if (inRequest) wire.append('\n');
    return wire.toString().getBytes(StandardCharsets.UTF_8);
  }

  List<byte[]> seeds() {
    return seeds;
  }

  /** The next generated input. */
  byte[] next() {
    int kind = random.nextInt(100);
    if (kind < 45) return mutateBytes(seed());
    if (kind < 75) return mutateLines(seed());
    if (kind < 82) return splice(seed(), seed());
    if (kind < 90) return randomBytes(random.nextInt(2048));
    return structuredGarbage();
  }

  private byte[] seed() {
    return seeds.get(random.nextInt(seeds.size()));
  }

  private byte[] mutateBytes(byte[] input) {
    int[] at = new int[1 + random.nextInt(8)];
    for (int i = 0; i < at.length; i++) at[i] = random.nextInt(input.length + 1);
    java.util.Arrays.sort(at);
    ByteArrayOutputStream out = new ByteArrayOutputStream(input.length + 16);
    int from = 0;
    for (int chosen : at) {
      int position = Math.max(chosen, from);
      out.write(input, from, position - from);
      from = position;
      byte b = position < input.length ? input[position] : (byte) '\n';
      switch (random.nextInt(5)) {
        case 0 -> out.write(random.nextInt(256)); // flip
        case 1 -> {} // drop
        case 2 -> {
          out.write(b);
          out.write(random.nextInt(256)); // insert
        }
        case 3 -> out.write(b == '\n' ? 'x' : '\n'); // move a line break
        default -> {
          out.write(b);
          out.write(0);
        }
      }
      if (position < input.length) from = position + 1;
    }
    out.write(input, from, input.length - from);
    return out.toByteArray();
  }

  private byte[] mutateLines(byte[] input) {
    List<String> lines = new ArrayList<>(List.of(new String(input, StandardCharsets.UTF_8).split("\n", -1)));
    int mutations = 1 + random.nextInt(4);
    for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
      int at = random.nextInt(lines.size());
      switch (random.nextInt(11)) {
        case 0 -> lines.remove(at); // e.g. the blank line
        case 1 -> lines.add(at, lines.get(at)); // duplicate
        case 2 -> java.util.Collections.swap(lines, at, random.nextInt(lines.size()));
        case 3 -> lines.set(at, lines.get(at) + "A".repeat(8000 + random.nextInt(400))); // about the line bound
        case 4 -> { // a huge header
          int count = 100 + random.nextInt(400);
          for (int i = 0; i < count; i++) lines.add(at, "agi_arg_" + i + ": " + "v".repeat(random.nextInt(40)));
        }
        case 5 -> lines.subList(at, lines.size()).clear(); // cut short
        case 6 -> lines.set(at, lines.get(at) + "\r"); // CRLF
        case 7 -> { // a storm of replies
          String reply = REPLIES[random.nextInt(REPLIES.length)];
          int count = 1 + random.nextInt(random.nextBoolean() ? 20 : 300);
          for (int i = 0; i < count; i++) lines.add(at, reply);
        }
        case 8 -> lines.set(at, REPLIES[random.nextInt(REPLIES.length)]);
        case 9 -> lines.set(at, new String(randomBytes(random.nextInt(200)), StandardCharsets.ISO_8859_1));
        default -> lines.set(at, lines.get(at).replace(": ", random.nextBoolean() ? ":" : ": ${SHELL(id)}"));
      }
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  private byte[] splice(byte[] a, byte[] b) {
    int cutA = random.nextInt(a.length + 1);
    int cutB = random.nextInt(b.length + 1);
    byte[] out = new byte[cutA + b.length - cutB];
    System.arraycopy(a, 0, out, 0, cutA);
    System.arraycopy(b, cutB, out, cutA, b.length - cutB);
    return out;
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private byte[] structuredGarbage() {
    StringBuilder s = new StringBuilder();
    int lines = random.nextInt(40);
    for (int i = 0; i < lines; i++) {
      switch (random.nextInt(6)) {
        case 0 -> s.append("agi_").append(word()).append(": ").append(word());
        case 1 -> s.append("agi_request: agi://").append(word()).append('/').append(word());
        case 2 -> s.append("agi_uniqueid: ").append(random.nextInt()).append('.').append(random.nextInt());
        case 3 -> s.append(REPLIES[random.nextInt(REPLIES.length)]);
        case 4 -> s.append(word()).append(':');
        default -> {}
      }
      s.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private String word() {
    if (random.nextInt(50) == 0) return "W".repeat(8000 + random.nextInt(400)); // about the line bound
    int length = random.nextInt(16);
    StringBuilder w = new StringBuilder(length);
    for (int i = 0; i < length; i++) w.append((char) (' ' + random.nextInt(95)));
    return w.toString();
  }
}
