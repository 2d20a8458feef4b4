package org.empathyivr.adapter.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.empathyivr.adapter.webhook.Outbox.Attempt;
import org.empathyivr.adapter.webhook.Outbox.Delivery;
import org.empathyivr.domain.port.HandoffStore.StoreFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each handoff in the {@link Outbox} to its webhook URL, from one background thread: at least once, with the
 * handoff id as the {@code Idempotency-Key} header so a receiver can drop repeats. A 2xx answer marks the delivery
 * done; anything else is tried again after the {@link Backoff}. Pending deliveries survive restarts in the outbox, and
 * a new deliverer picks them up.
 */
public final class WebhookDeliverer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);
  private static final int BATCH = 50;
  private static final int MAX_ERROR_CHARS = 300;

  private final Outbox outbox;
  private final Backoff backoff;
  private final Duration timeout;
  private final Duration poll;
  private final Clock clock;
  private final HttpClient http;
  private final Object signal = new Object();
  private boolean woken; // guarded by signal
  private volatile boolean running;
  private boolean outboxDown; // used by the delivering thread only
  private Thread thread;

  /**
   * @param timeout for connecting and for the whole answer
   * @param poll how often to look for due deliveries when there is nothing to do
   */
  public WebhookDeliverer(Outbox outbox, Backoff backoff, Duration timeout, Duration poll, Clock clock) {
    this.outbox = outbox;
    this.backoff = backoff;
    this.timeout = timeout;
    this.poll = poll;
    this.clock = clock;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  public synchronized void start() {
    if (thread != null) throw new IllegalStateException("already started");
    running = true;
    thread = new Thread(this::run, "webhook-deliverer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Looks at the outbox now rather than at the next poll (after a handoff is saved). */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  /** Stops after the attempt in progress, which is abandoned and made again by the next deliverer. */
  @Override
  public synchronized void close() {
    running = false;
    if (thread == null) return;
    thread.interrupt();
    try {
      thread.join(timeout.toMillis() + 5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (running) {
      List<Delivery> due = List.of();
      try {
        due = outbox.due(clock.instant(), BATCH);
        if (outboxDown) log.info("webhook outbox readable again");
        outboxDown = false;
      } catch (StoreFailure e) {
        // Once per outage, not once per poll: the database being down is already news from the store.
        if (!outboxDown) log.error("webhook deliveries wait for the outbox: {}", e.getMessage(), e);
        else log.debug("webhook outbox still unreadable: {}", e.getMessage());
        outboxDown = true;
      }
      for (Delivery d : due) {
        if (!running) return;
        attempt(d);
      }
      if (due.size() < BATCH && !pause()) return;
    }
  }

  private void attempt(Delivery d) {
    Instant at = clock.instant();
    long started = System.nanoTime();
    int status = 0;
    String error;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(d.url())
              .timeout(timeout)
              .header("Content-Type", "application/json; charset=utf-8")
              .header("Idempotency-Key", d.handoffId())
              .header("User-Agent", "empathy-ivr")
              .POST(HttpRequest.BodyPublishers.ofString(d.body()))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      status = response.statusCode();
      error = status / 100 == 2 ? null : "HTTP " + status + " " + abbreviate(response.body());
    } catch (IOException | IllegalArgumentException e) {
      error = describe(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closing: the delivery stays in the outbox
      return;
    }
    Attempt attempt = new Attempt(at, status, error, (System.nanoTime() - started) / 1_000_000);
    int attempts = d.attempts() + 1;
    try {
      if (error == null) {
        outbox.delivered(d, attempt);
        if (attempts > 1) log.info("handoff {} delivered to {} at attempt {}", d.handoffId(), d.url(), attempts);
        else log.debug("handoff {} delivered to {}", d.handoffId(), d.url());
      } else {
        Duration wait = backoff.after(attempts);
        outbox.retryAt(d, attempt, at.plus(wait));
        // The first failure is news; the retries that follow are in the webhook_deliveries table.
        if (attempts == 1) {
          log.warn("handoff {} not delivered to {}: {}; trying again, at most every {} s",
              d.handoffId(), d.url(), error, backoff.max().toSeconds());
        } else {
          log.debug("handoff {} not delivered to {} (attempt {}): {}; next try in {} ms",
              d.handoffId(), d.url(), attempts, error, wait.toMillis());
        }
      }
    } catch (StoreFailure e) {
      // The POST may have been accepted: it will be made again, which the Idempotency-Key makes harmless.
      log.error("handoff {} to {}: {}", d.handoffId(), d.url(), e.getMessage(), e);
    }
  }

  /** Waits for a wake-up or the poll interval; false when interrupted. */
  private boolean pause() {
    synchronized (signal) {
      try {
        if (!woken) signal.wait(Math.max(1, poll.toMillis()));
      } catch (InterruptedException e) {
        return false;
      } finally {
        woken = false;
      }
      return true;
    }
  }

  /** The exception and its first message, which HttpClient often keeps in a cause ("Connection refused"). */
  private static String describe(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null) return e.getClass().getSimpleName() + ": " + t.getMessage();
    }
    return e.getClass().getSimpleName();
  }

  private static String abbreviate(String body) {
    String oneLine = body.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_ERROR_CHARS ? oneLine : oneLine.substring(0, MAX_ERROR_CHARS) + "…";
  }
}
