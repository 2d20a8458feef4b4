package org.empathyivr.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a loopback port to a real server (the test PostgreSQL), whose plug the test can pull: {@link #cut}
 * refuses new connections and breaks open ones, as a database server that stopped or a network that failed would;
 * {@link #restore} listens again on the same port.
 */
final class PluggableProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private ServerSocket listener;

  /**
   * A relay to the test PostgreSQL at {@code pgUrl}, with a fresh schema of its own ({@code schemaPrefix} and this
   * process's id): the store URL to give the service goes through the relay, so the test can cut it.
   */
  static PluggableProxy toFreshSchema(String pgUrl, String schemaPrefix) throws IOException, java.sql.SQLException {
    java.net.URI server = java.net.URI.create(pgUrl.substring("jdbc:".length()));
    String schema = schemaPrefix + ProcessHandle.current().pid();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(pgUrl);
        java.sql.Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
    }
    PluggableProxy proxy = new PluggableProxy(server.getHost(), server.getPort());
    proxy.storeUrl = "jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath() + "?" + server.getQuery()
        + "&currentSchema=" + schema + "&connectTimeout=2";
    return proxy;
  }

  private String storeUrl;

  /** The store URL through this relay, for a relay made by {@link #toFreshSchema}. */
  String storeUrl() {
    if (storeUrl == null) throw new IllegalStateException("not a relay to a fresh schema");
    return storeUrl;
  }

  PluggableProxy(String targetHost, int targetPort) throws IOException {
    this.target = new InetSocketAddress(targetHost, targetPort);
    ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.port = first.getLocalPort();
    listen(first);
  }

  int port() {
    return port;
  }

  synchronized void cut() throws IOException {
    listener.close();
    for (Socket s : open) s.close();
    open.clear();
  }

  synchronized void restore() throws IOException {
    ServerSocket again = new ServerSocket();
    again.setReuseAddress(true);
    again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    listen(again);
  }

  @Override
  public void close() throws IOException {
    cut();
  }

  private void listen(ServerSocket socket) {
    listener = socket;
    Thread accepting = new Thread(() -> {
      while (!socket.isClosed()) {
        try {
          Socket client = socket.accept();
          Socket server = new Socket(target.getAddress(), target.getPort());
          open.add(client);
          open.add(server);
          pump(client, server);
          pump(server, client);
        } catch (IOException e) {
          return; // cut
        }
      }
    }, "proxy-accept");
    accepting.setDaemon(true);
    accepting.start();
  }

  private void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException e) {
        // cut, or the other side closed
      } finally {
        try {
          from.close();
          to.close();
        } catch (IOException e) {
          // closing both ends of a broken relay
        }
      }
    }, "proxy-pump");
    t.setDaemon(true);
    t.start();
  }
}
