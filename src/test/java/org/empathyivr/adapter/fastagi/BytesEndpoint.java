package org.empathyivr.adapter.fastagi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;

/** A connection whose peer sent {@code received} and then closed; what the service sends is kept in {@code sent}. */
final class BytesEndpoint implements Endpoint {
  private final InputStream in;
  final ByteArrayOutputStream sent = new ByteArrayOutputStream();
  boolean closed;

  BytesEndpoint(byte[] received) {
    this.in = new ByteArrayInputStream(received);
  }

  @Override
  public InputStream input() {
    return in;
  }

  @Override
  public OutputStream output() {
    return sent;
  }

  @Override
  public void setReadTimeoutMs(int ms) {}

  @Override
  public InetAddress localAddress() {
    return InetAddress.getLoopbackAddress();
  }

  @Override
  public int localPort() {
    return 4573;
  }

  @Override
  public InetAddress remoteAddress() {
    return InetAddress.getLoopbackAddress();
  }

  @Override
  public int remotePort() {
    return 40000;
  }

  @Override
  public boolean isConnected() {
    return !closed;
  }

  @Override
  public void close() {
    closed = true;
  }
}
