package org.empathyivr.adapter.fastagi;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * asterisk-java's FastAGI server with the support line mapped by name ({@code agi://host:port/NAME}) and a callback
 * once the port is bound, so startup can say "ready" only when Asterisk can connect. FastAGI has no authentication:
 * with an allowlist, connections from other addresses are closed before a byte is read, and logged. Every connection
 * is read within {@link AgiLimits}, so a hostile or broken peer costs one connection and never the server.
 *
 * <p>There are threads for {@code maxCalls} calls and {@link #SPARE_CONNECTIONS} more, so callers past the limit
 * still reach the script and are sent to a human at once; connections beyond those are closed unread, which the
 * dialplan sees as a failed AGI and routes to a human too.
 */
public final class SupportLineAgiServer extends DefaultAgiServer {
  private static final Logger log = LoggerFactory.getLogger(SupportLineAgiServer.class);
  /** Threads beyond max-calls: for callers turned away as busy and for connections that never send a request. */
  static final int SPARE_CONNECTIONS = 16;
  /** An idle thread above the core ends after this long, so threads return to the core size after a burst. */
  private static final long IDLE_THREAD_SECONDS = 5;
  private static final int CORE_THREADS = 4;

  private final Runnable onListening;
  private final List<InetAddress> allowedClients;
  private final InetAddress address;
  private final int port;
  private final AgiLimits limits;
  private final int maxThreads;
  private volatile ThreadPoolExecutor pool;

  /**
   * @param maxCalls the calls the script serves at once (it turns away the rest)
   * @param allowedClients the addresses that may connect; empty allows any
   */
  public SupportLineAgiServer(
      String scriptName,
      AgiScript script,
      InetAddress address,
      int port,
      int maxCalls,
      List<InetAddress> allowedClients,
      AgiLimits limits,
      Runnable onListening) {
    super(mapping(scriptName, script));
    if (maxCalls < 1) throw new IllegalArgumentException("maxCalls < 1: " + maxCalls);
    this.onListening = onListening;
    this.allowedClients = List.copyOf(allowedClients);
    this.address = address;
    this.port = port;
    this.limits = limits;
    this.maxThreads = maxCalls + SPARE_CONNECTIONS;
    setAddress(address);
    setPort(port);
    setPoolSize(CORE_THREADS);
    setMaximumPoolSize(maxThreads);
  }

  /**
   * The script by name. A request without a name (one the connection refused, or one not from Asterisk) gets a
   * script that does nothing: asterisk-java would otherwise log a stack trace for each at ERROR, which is for an
   * operator to act on. A wrong name still gets asterisk-java's "No script configured" and AJ_AGISTATUS NOT_FOUND.
   */
  static MappingStrategy mapping(String scriptName, AgiScript script) {
    return (request, channel) -> {
      if (request.getScript() == null) return IGNORE_NAMELESS;
      return scriptName.equals(request.getScript()) ? script : null;
    };
  }

  private static final AgiScript IGNORE_NAMELESS = (request, channel) -> {
    if (request.getUniqueId() != null || request.getChannel() != null) {
      log.warn("ignored a FastAGI request without agi_network_script from {}", request.getRemoteAddress());
    }
  };

  @Override
  protected ServerSocketFacade createServerSocket() throws IOException {
    ServerSocketFacade socket = new BoundedServerSocket(address, port, limits);
    onListening.run();
    return allowedClients.isEmpty() ? socket : new AllowlistedSocket(socket, allowedClients);
  }

  @Override
  protected ThreadPoolExecutor createPool() {
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor created =
        new ThreadPoolExecutor(
            CORE_THREADS, maxThreads, IDLE_THREAD_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(),
            task -> {
              Thread thread = new Thread(task, "fastagi-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    created.allowCoreThreadTimeOut(true);
    pool = created;
    return created;
  }

  /** Stops accepting calls (new connections are refused); calls in progress run on. */
  public void stop() {
    shutdown();
  }

  /**
   * Waits for the calls in progress after {@link #stop()}.
   *
   * @return whether they all ended within {@code wait}
   */
  public boolean awaitCalls(Duration wait) throws InterruptedException {
    ThreadPoolExecutor current = pool;
    return current == null || current.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Connections being served now: calls, callers being turned away and requests being read. */
  public int connections() {
    ThreadPoolExecutor current = pool;
    return current == null ? 0 : current.getActiveCount();
  }
}
