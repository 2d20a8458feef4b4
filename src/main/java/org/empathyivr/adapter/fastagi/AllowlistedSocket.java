package org.empathyivr.adapter.fastagi;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accepts only connections from the allowed clients; closes the others unread, and logs them. */
final class AllowlistedSocket implements ServerSocketFacade {
  private static final Logger log = LoggerFactory.getLogger(AllowlistedSocket.class);

  private final ServerSocketFacade socket;
  private final List<InetAddress> allowedClients;

  AllowlistedSocket(ServerSocketFacade socket, List<InetAddress> allowedClients) {
    this.socket = socket;
    this.allowedClients = List.copyOf(allowedClients);
  }

  @Override
  public SocketConnectionFacade accept() throws IOException {
    while (true) {
      SocketConnectionFacade connection = socket.accept();
      InetAddress client = connection.getRemoteAddress();
      if (allowedClients.contains(client)) return connection;
      log.warn("refused a FastAGI connection from {}: not in agi.allowed-clients", client.getHostAddress());
      try {
        connection.close();
      } catch (IOException e) {
        log.debug("closing the refused connection failed: {}", e.toString());
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  @Override
  public void setSocketReadTimeout(int socketReadTimeout) {
    socket.setSocketReadTimeout(socketReadTimeout);
  }
}
