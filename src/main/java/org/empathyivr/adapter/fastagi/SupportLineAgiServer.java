package org.empathyivr.adapter.fastagi;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * asterisk-java's FastAGI server with the support line mapped by name ({@code agi://host:port/NAME}) and a callback
 * once the port is bound, so startup can say "ready" only when Asterisk can connect. FastAGI has no authentication:
 * with an allowlist, connections from other addresses are closed before a byte is read, and logged.
 */
public final class SupportLineAgiServer extends DefaultAgiServer {
  private static final Logger log = LoggerFactory.getLogger(SupportLineAgiServer.class);

  private final Runnable onListening;
  private final List<InetAddress> allowedClients;

  /** @param allowedClients the addresses that may connect; empty allows any */
  public SupportLineAgiServer(
      String scriptName,
      AgiScript script,
      InetAddress address,
      int port,
      int maxCalls,
      List<InetAddress> allowedClients,
      Runnable onListening) {
    super(mapping(scriptName, script));
    this.onListening = onListening;
    this.allowedClients = List.copyOf(allowedClients);
    setAddress(address);
    setPort(port);
    setPoolSize(Math.min(4, maxCalls));
    setMaximumPoolSize(maxCalls);
  }

  private static SimpleMappingStrategy mapping(String scriptName, AgiScript script) {
    SimpleMappingStrategy mapping = new SimpleMappingStrategy();
    mapping.setMappings(Map.of(scriptName, script));
    return mapping;
  }

  @Override
  protected ServerSocketFacade createServerSocket() throws IOException {
    ServerSocketFacade socket = super.createServerSocket();
    onListening.run();
    return allowedClients.isEmpty() ? socket : new AllowlistedSocket(socket);
  }

  /** Accepts only connections from the allowed clients; closes the others unread. */
  private final class AllowlistedSocket implements ServerSocketFacade {
    private final ServerSocketFacade socket;

    AllowlistedSocket(ServerSocketFacade socket) {
      this.socket = socket;
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

  /** Stops accepting calls; calls in progress run on. */
  public void stop() {
    shutdown();
  }
}
