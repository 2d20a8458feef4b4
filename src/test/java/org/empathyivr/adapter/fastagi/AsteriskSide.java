package org.empathyivr.adapter.fastagi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Asterisk's side of a FastAGI connection, written by hand: sends bytes as they are, answers every command line with
 * {@code 200 result=1}, and collects what the service sent until it closes the connection.
 */
final class AsteriskSide {
  static final String REQUEST =
      "agi_network: yes\nagi_network_script: support\nagi_request: agi://127.0.0.1/support\n"
          + "agi_channel: Local/s@caller-00000001;1\nagi_uniqueid: 1795458575.313361\nagi_callerid: 5551234\n"
          + "agi_calleridname: Maria Lopez\n\n";

  private AsteriskSide() {}

  /** Sends {@code bytes} and answers each command the service sends; returns the commands. */
  static String call(int port, byte[] bytes) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
      return answerUntilClosed(socket);
    }
  }

  static String call(int port, String request) throws IOException {
    return call(port, request.getBytes(StandardCharsets.UTF_8));
  }

  static String answerUntilClosed(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    OutputStream out = socket.getOutputStream();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    int b;
    try {
      while ((b = in.read()) >= 0) {
        got.write(b);
        if (b == '\n') {
          out.write("200 result=1\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      }
    } catch (IOException e) {
      // reset by the service after it closed: what came before is the answer
      if (got.size() == 0 && !(e instanceof java.net.SocketException)) throw e;
    }
    return got.toString(StandardCharsets.UTF_8);
  }
}
