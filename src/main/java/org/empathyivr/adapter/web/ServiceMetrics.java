package org.empathyivr.adapter.web;

import java.time.Duration;
import java.util.List;
import org.empathyivr.adapter.fastagi.CallObserver;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.ForwardingSpeechToText;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.SpeechToText;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.TranscriptionStream;
import org.empathyivr.domain.summary.Handoff;
import org.empathyivr.domain.summary.SpokenSummary;

/**
 * The support line's metrics, served at {@code /metrics}: calls, handoffs by reason, frustrated callers, turn and
 * recognition times, and errors by kind. Fed by the calls ({@link CallObserver}) and by a measuring wrapper around the
 * recognizer. Thread-safe.
 */
public final class ServiceMetrics implements CallObserver {
  private static final double[] TURN_BOUNDS = {0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10};
  private static final double[] RECOGNITION_BOUNDS = {0.05, 0.1, 0.25, 0.5, 0.75, 1, 2, 5};

  private final MetricsRegistry registry = new MetricsRegistry();
  private final MetricsRegistry.Gauge inProgress =
      registry.gauge("empathyivr_calls_in_progress", "Calls the assistant is serving now.");
  private final MetricsRegistry.Counter calls =
      registry.counter("empathyivr_calls_total", "Calls the assistant began to serve.", null);
  private final MetricsRegistry.Counter handoffs =
      registry.counter("empathyivr_handoffs_total", "Calls handed to a human, by reason.", "reason");
  private final MetricsRegistry.Counter frustrated =
      registry.counter("empathyivr_frustrated_handoffs_total",
          "Handoffs of callers who seemed frustrated (score >= " + SpokenSummary.FRUSTRATED + ").", null);
  private final MetricsRegistry.Histogram turns =
      registry.histogram("empathyivr_turn_seconds",
          "From the end of the caller's turn to the start of the assistant's answer.", TURN_BOUNDS);
  private final MetricsRegistry.Histogram recognition =
      registry.histogram("empathyivr_recognition_seconds",
          "From the end of the caller's audio to the recognizer's transcript.", RECOGNITION_BOUNDS);
  private final MetricsRegistry.Counter errors =
      registry.counter("empathyivr_errors_total", "Failures the calls survived, by kind.", "kind");

  public ServiceMetrics() {
    errors.inc("none"); // a series exists before the first error, so rate() and alerts see zero, not nothing
  }

  @Override
  public void callStarted() {
    calls.inc();
    inProgress.inc();
  }

  @Override
  public void handedOff(Handoff handoff, List<Exception> problems) {
    handoffs.inc(handoff.reason().label());
    if (handoff.frustration().score() >= SpokenSummary.FRUSTRATED) frustrated.inc();
    for (Exception e : problems) error(e.getClass().getSimpleName());
  }

  @Override
  public void callEnded() {
    inProgress.dec();
  }

  @Override
  public void turnTime(Duration time) {
    turns.observe(time.toNanos() / 1e9);
  }

  @Override
  public void error(String kind) {
    errors.inc(kind);
  }

  /** Calls being served now. */
  public long callsInProgress() {
    return inProgress.value();
  }

  /**
   * The recognizer, timed: whole-audio calls in full, streams from {@code finish()} to the transcript. Every method
   * reaches {@code recognizer}, the name grammar included.
   */
  public SpeechToText measuring(SpeechToText recognizer) {
    return new ForwardingSpeechToText(recognizer) {
      @Override
      public Transcript transcribe(Audio audio) throws SpeechFailure {
        return timed(() -> super.transcribe(audio));
      }

      @Override
      public Transcript transcribeAnswer(Audio audio) throws SpeechFailure {
        return timed(() -> super.transcribeAnswer(audio));
      }

      @Override
      public TranscriptionStream startTranscribing() throws SpeechFailure {
        return timedStream(super.startTranscribing());
      }

      @Override
      public TranscriptionStream startTranscribingAnswer() throws SpeechFailure {
        return timedStream(super.startTranscribingAnswer());
      }

      @Override
      public TranscriptionStream startTranscribingName(List<String> candidates) throws SpeechFailure {
        return timedStream(super.startTranscribingName(candidates));
      }
    };
  }

  /** Every metric in the Prometheus text format. */
  public String render() {
    return registry.render();
  }

  private interface Recognition {
    Transcript run() throws SpeechFailure;
  }

  private Transcript timed(Recognition recognition) throws SpeechFailure {
    long started = System.nanoTime();
    try {
      return recognition.run();
    } catch (SpeechFailure | RuntimeException e) {
      error("recognition");
      throw e;
    } finally {
      observeRecognition(started);
    }
  }

  private void observeRecognition(long startedNanos) {
    recognition.observe((System.nanoTime() - startedNanos) / 1e9);
  }

  private TranscriptionStream timedStream(TranscriptionStream stream) {
    return new TranscriptionStream() {
      @Override
      public void accept(Audio piece) {
        stream.accept(piece);
      }

      @Override
      public Transcript finish() throws SpeechFailure {
        return timed(stream::finish);
      }

      @Override
      public void close() {
        stream.close();
      }
    };
  }
}
