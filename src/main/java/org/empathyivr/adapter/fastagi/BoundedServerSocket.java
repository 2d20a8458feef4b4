package org.empathyivr.adapter.fastagi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;

/** The FastAGI listening socket; every connection it accepts is read within the {@link AgiLimits}. */
final class BoundedServerSocket implements ServerSocketFacade {
  /** Connections waiting to be accepted; as asterisk-java's own server socket. */
  private static final int BACKLOG = 200;

  private final ServerSocket socket;
  private final AgiLimits limits;

  BoundedServerSocket(InetAddress address, int port, AgiLimits limits) throws IOException {
    this.socket = new ServerSocket(port, BACKLOG, address);
    this.limits = limits;
  }

  @Override
  public SocketConnectionFacade accept() throws IOException {
    Socket accepted = socket.accept();
    try {
      // Each command is one small write answered before the next: waiting to coalesce writes only adds delay.
      accepted.setTcpNoDelay(true);
      return new BoundedConnection(Endpoint.of(accepted), limits);
    } catch (IOException | RuntimeException e) {
      accepted.close();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** Unused: each connection sets its own read timeouts from the limits. */
  @Override
  public void setSocketReadTimeout(int socketReadTimeout) {}
}
