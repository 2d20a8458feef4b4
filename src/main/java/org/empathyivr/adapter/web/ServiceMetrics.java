package org.empathyivr.adapter.web;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * recognizer. Kept in the Prometheus Java client's registry, one per instance. Thread-safe.
 */
public final class ServiceMetrics implements CallObserver {
  private static final double[] TURN_BOUNDS = {0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10};
  private static final double[] RECOGNITION_BOUNDS = {0.05, 0.1, 0.25, 0.5, 0.75, 1, 2, 5};

  private static final PrometheusTextFormatWriter TEXT_FORMAT = PrometheusTextFormatWriter.create();

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Gauge inProgress = Gauge.builder()
      .name("empathyivr_calls_in_progress").help("Calls the assistant is serving now.")
      .register(registry);
  private final Counter calls = Counter.builder()
      .name("empathyivr_calls_total").help("Calls the assistant began to serve.")
      .register(registry);
  private final Counter handoffs = Counter.builder()
      .name("empathyivr_handoffs_total").help("Calls handed to a human, by reason.").labelNames("reason")
      .register(registry);
  private final Counter frustrated = Counter.builder()
      .name("empathyivr_frustrated_handoffs_total")
      .help("Handoffs of callers who seemed frustrated (score >= " + SpokenSummary.FRUSTRATED + ").")
      .register(registry);
  private final Histogram turns = Histogram.builder()
      .name("empathyivr_turn_seconds").help("From the end of the caller's turn to the start of the assistant's answer.")
      .classicOnly().classicUpperBounds(TURN_BOUNDS)
      .register(registry);
  private final Histogram recognition = Histogram.builder()
      .name("empathyivr_recognition_seconds").help("From the end of the caller's audio to the recognizer's transcript.")
      .classicOnly().classicUpperBounds(RECOGNITION_BOUNDS)
      .register(registry);
  private final Counter errors = Counter.builder()
      .name("empathyivr_errors_total").help("Failures the calls survived, by kind.").labelNames("kind")
      .register(registry);

  public ServiceMetrics() {
    errors.labelValues("none"); // a series exists before the first error, so rate() and alerts see zero, not nothing
  }

  @Override
  public void callStarted() {
    calls.inc();
    inProgress.inc();
  }

  @Override
  public void handedOff(Handoff handoff, List<Exception> problems) {
    handoffs.labelValues(handoff.reason().label()).inc();
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
    errors.labelValues(kind).inc();
  }

  /** Calls being served now. */
  public long callsInProgress() {
    return (long) inProgress.get();
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

  /** Every metric in the Prometheus text format (version 0.0.4). */
  public String render() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      TEXT_FORMAT.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException("writing metrics to memory", e); // a ByteArrayOutputStream does not fail
    }
    return out.toString(StandardCharsets.UTF_8);
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
      public Optional<String> wordsSoFar() {
        return stream.wordsSoFar();
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
