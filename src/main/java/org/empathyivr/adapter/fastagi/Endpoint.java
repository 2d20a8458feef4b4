package org.empathyivr.adapter.fastagi;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;

/** The byte streams of one FastAGI connection and what a connection says about itself: a socket, or bytes in a test. */
interface Endpoint extends Closeable {
  InputStream input() throws IOException;

  OutputStream output() throws IOException;

  /** Bounds the next blocking reads; 0 waits forever. */
  void setReadTimeoutMs(int ms) throws IOException;

  InetAddress localAddress();

  int localPort();

  InetAddress remoteAddress();

  int remotePort();

  boolean isConnected();

  static Endpoint of(Socket socket) {
    return new Endpoint() {
      @Override
      public InputStream input() throws IOException {
        return socket.getInputStream();
      }

      @Override
      public OutputStream output() throws IOException {
        return socket.getOutputStream();
      }

      @Override
      public void setReadTimeoutMs(int ms) throws IOException {
        socket.setSoTimeout(ms);
      }

      @Override
      public InetAddress localAddress() {
        return socket.getLocalAddress();
      }

      @Override
      public int localPort() {
        return socket.getLocalPort();
      }

      @Override
      public InetAddress remoteAddress() {
        return socket.getInetAddress();
      }

      @Override
      public int remotePort() {
        return socket.getPort();
      }

      @Override
      public boolean isConnected() {
        return socket.isConnected() && !socket.isClosed();
      }

      @Override
      public void close() throws IOException {
        socket.close();
      }
    };
  }
}
