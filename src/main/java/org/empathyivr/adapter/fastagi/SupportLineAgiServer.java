package org.empathyivr.adapter.fastagi;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;

/**
 * asterisk-java's FastAGI server with the support line mapped by name ({@code agi://host:port/NAME}) and a callback
 * once the port is bound, so startup can say "ready" only when Asterisk can connect.
 */
public final class SupportLineAgiServer extends DefaultAgiServer {
  private final Runnable onListening;

  public SupportLineAgiServer(
      String scriptName, AgiScript script, InetAddress address, int port, int maxCalls, Runnable onListening) {
    super(mapping(scriptName, script));
    this.onListening = onListening;
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
    return socket;
  }

  /** Stops accepting calls; calls in progress run on. */
  public void stop() {
    shutdown();
  }
}
