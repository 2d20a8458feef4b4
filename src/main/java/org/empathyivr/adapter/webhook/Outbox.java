package org.empathyivr.adapter.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.empathyivr.domain.port.HandoffStore.StoreFailure;

/**
 * Webhook deliveries waiting in durable storage: one per handoff and URL, written with the handoff, until a receiver
 * accepts it. Every attempt is logged. Thread-safe.
 */
public interface Outbox {
  /** Deliveries due at {@code now}, soonest due first, at most {@code limit}. */
  List<Delivery> due(Instant now, int limit) throws StoreFailure;

  /** The receiver accepted the delivery: it is not made again. */
  void delivered(Delivery delivery, Attempt attempt) throws StoreFailure;

  /** The attempt failed: try again at {@code next}. */
  void retryAt(Delivery delivery, Attempt attempt, Instant next) throws StoreFailure;

  /**
   * @param handoffId the handoff's id, sent as the idempotency key
   * @param url where to POST
   * @param attempts how many attempts were made so far
   * @param body the handoff record as JSON
   */
  record Delivery(String handoffId, URI url, int attempts, String body) {}

  /**
   * @param at when the attempt started
   * @param status the HTTP status, or 0 when no answer came
   * @param error why it failed, or null on success
   * @param millis how long it took
   */
  record Attempt(Instant at, int status, String error, long millis) {}
}
