package org.empathyivr.simulate;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The argument of {@code EXEC AudioSocket}, read as Asterisk 22.10.1 reads it.
 *
 * <p>{@code res_agi.c}'s {@code handle_exec()} passes only the AGI word after the application name: {@code EXEC
 * AudioSocket uuid 127.0.0.1:9092} gives the application {@code uuid} alone (capture: audiosocket-errors.txt, I).
 * {@code app_audiosocket.c} splits that word with {@code AST_STANDARD_APP_ARGS} into two fields: the first comma outside
 * quotes, parentheses and brackets ends the UUID (quotes and backslashes are removed from it), and the rest, commas and
 * all, is the server (from the source, {@code main/app.c __ast_app_separate_args()}). The UUID must be what libuuid's
 * {@code uuid_parse()} takes: 36 characters, hex digits with dashes at 8, 13, 18 and 23 ({@code uuid|host:port} fails
 * here, capture: audiosocket-syntax.txt). The server is {@code host:port} or {@code [v6]:port}; {@code
 * ast_sockaddr_resolve(..., PARSE_PORT_REQUIRE)} refuses it without a port (from the source; a port given as a service
 * name, which {@code getaddrinfo} would take, is refused here too).
 */
final class AudioSocketArguments {
  /** What {@code EXEC AudioSocket} connects to. */
  record Target(String uuid, byte[] uuidBytes, String server, String host, int port) {
    /** The addresses the host resolves to, in the order Asterisk tries them. */
    List<InetSocketAddress> addresses() throws UnknownHostException {
      List<InetSocketAddress> out = new ArrayList<>();
      for (InetAddress a : InetAddress.getAllByName(host)) out.add(new InetSocketAddress(a, port));
      return out;
    }
  }

  /** The application's argument could not be used; {@code log} is what Asterisk logs, and the EXEC answers -1. */
  record Refused(String log) {}

  private AudioSocketArguments() {}

  /** Either a {@link Target} or a {@link Refused}. */
  static Object parse(String data) {
    String[] fields = separate(data);
    String id = fields[0];
    String server = fields[1];
    if (id == null || id.isEmpty()) return new Refused("ERROR app_audiosocket.c: UUID is required");
    Optional<byte[]> uuid = uuidBytes(id);
    if (uuid.isEmpty()) return new Refused("ERROR app_audiosocket.c: Failed to parse UUID '" + id + "'");
    if (server == null || server.isEmpty()) {
      return new Refused("ERROR res_audiosocket.c: No AudioSocket server provided");
    }
    String host;
    String port;
    if (server.startsWith("[")) {
      int close = server.indexOf(']');
      if (close < 0 || !server.startsWith(":", close + 1)) return unresolvable(server);
      host = server.substring(1, close);
      port = server.substring(close + 2);
    } else {
      int colon = server.indexOf(':');
      if (colon < 0 || server.indexOf(':', colon + 1) >= 0) return unresolvable(server);
      host = server.substring(0, colon);
      port = server.substring(colon + 1);
    }
    if (host.isEmpty() || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) return unresolvable(server);
    if (Integer.parseInt(port) == 0) return new Refused("ERROR res_audiosocket.c: No port provided for '" + server + "'");
    return new Target(id, uuid.get(), server, host, Integer.parseInt(port));
  }

  private static Refused unresolvable(String server) {
    return new Refused("ERROR res_audiosocket.c: Failed to resolve AudioSocket service using '" + server
        + "' - requires a valid hostname and port");
  }

  /** {@code __ast_app_separate_args(data, ',', 1, args, 2)}: the UUID field processed, the server the raw rest. */
  static String[] separate(String data) {
    String[] out = new String[2];
    if (data.isEmpty()) return out;
    StringBuilder first = new StringBuilder();
    int paren = 0;
    int bracket = 0;
    boolean quote = false;
    int i = 0;
    boolean delimited = false;
    for (; i < data.length(); i++) {
      char c = data.charAt(i);
      if (c == '(') {
        paren++;
      } else if (c == ')') {
        if (paren > 0) paren--;
      } else if (c == '[') {
        bracket++;
      } else if (c == ']') {
        if (bracket > 0) bracket--;
      } else if (c == '"') {
        quote = !quote;
        continue; // removed
      } else if (c == '\\') {
        if (i + 1 < data.length()) first.append(data.charAt(++i)); // the next character is taken literally
        continue;
      } else if (c == ',' && paren == 0 && !quote && bracket == 0) {
        delimited = true;
        i++;
        break;
      }
      first.append(c);
    }
    out[0] = first.toString();
    if (i < data.length() || delimited) out[1] = data.substring(i);
    return out;
  }

  /** libuuid's {@code uuid_parse()}: the 16 bytes in string order, or empty. */
  static Optional<byte[]> uuidBytes(String id) {
    if (id.length() != 36) return Optional.empty();
    byte[] bytes = new byte[16];
    int n = 0;
    for (int i = 0; i < 36; i++) {
      char c = id.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') return Optional.empty();
        continue;
      }
      if (Character.digit(c, 16) < 0 || c > 'f') return Optional.empty();
      if (n % 2 == 0) bytes[n / 2] = (byte) (Character.digit(c, 16) << 4);
      else bytes[n / 2] |= (byte) Character.digit(c, 16);
      n++;
    }
    return Optional.of(bytes);
  }
}
