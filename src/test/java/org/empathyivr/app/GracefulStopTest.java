package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.TextToSpeech;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.WholeAudioSpeechToText;
import org.empathyivr.domain.port.Word;
import org.empathyivr.simulate.CallerTurn;
import org.empathyivr.simulate.Event;
import org.empathyivr.simulate.SessionResult;
import org.empathyivr.simulate.SimulatedAsterisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * systemd stops the service (SIGTERM runs {@link SupportLine#stop()}) while a caller is talking to the assistant: the
 * caller still reaches a human with the handoff stored, new callers are refused at once (the dialplan sends them to
 * the queue), and the stop returns only after the call ended.
 */
class GracefulStopTest {
  @TempDir Path dir;

  @Test
  void aCallInProgressFinishesItsHandoffWhileNewConnectionsAreRefused() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path handoffs = dir.resolve("handoffs.jsonl");
    var settings = org.empathyivr.config.SettingsReader.read(Map.of(
        "agi.port", Integer.toString(port),
        "media.mode", "record",
        "agi.stop-wait-seconds", "30",
        "spool.dir", dir.resolve("spool").toString(),
        "handoff.store-url", "jsonl:" + handoffs,
        "dialog.issue.silence-seconds", "1",
        "dialog.answer.silence-seconds", "1"));
    FixedWords speech = new FixedWords();
    CountDownLatch ready = new CountDownLatch(1);
    SupportLine line = SupportLine.prepare(settings, SupportLine.phraseBook(Optional.empty()), speech, speech,
        ready::countDown);
    CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
      try {
        line.serve();
      } catch (SupportLine.StartupFailure e) {
        throw new IllegalStateException(e);
      }
    });
    assertTrue(ready.await(10, TimeUnit.SECONDS), "the line did not start");

    Path speaks = dir.resolve("caller.wav");
    WavFile.write(speaks, Audio.silence(Audio.TELEPHONY_RATE_HZ, 800), Optional.empty());
    CountDownLatch answered = new CountDownLatch(1);
    CompletableFuture<SessionResult> call = CompletableFuture.supplyAsync(() -> {
      try {
        return SimulatedAsterisk.connectingTo("127.0.0.1", port)
            .uniqueId("1795458575.777001")
            .callerId("5551234", "Maria Lopez")
            .realtime(true)
            .onEvent(e -> {
              if (e instanceof Event.Answered) answered.countDown();
            })
            .build()
            .call(List.of(new CallerTurn.Says(speaks), new CallerTurn.Says(speaks)));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertTrue(answered.await(10, TimeUnit.SECONDS), "the call did not start");

    CompletableFuture<Boolean> stopping = CompletableFuture.supplyAsync(line::stop);
    assertTrue(refusesConnections(port), "new callers are refused once the stop begins");
    assertFalse(call.isDone(), "the call is still in progress");
    assertFalse(stopping.isDone(), "the stop waits for it");

    SessionResult finished = call.get(30, TimeUnit.SECONDS);
    assertEquals(Optional.of("confirmed"), finished.variable("HANDOFF_REASON"), finished.variables().toString());
    assertEquals(Optional.of("SUCCESS"), finished.ajAgiStatus());
    assertTrue(stopping.get(30, TimeUnit.SECONDS), "every call ended within agi.stop-wait-seconds");
    serving.get(10, TimeUnit.SECONDS);
    assertTrue(Files.readString(handoffs).contains("\"callId\":\"1795458575.777001\""), Files.readString(handoffs));
    assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
  }

  private static boolean refusesConnections(int port) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
        Thread.sleep(5);
      } catch (java.io.IOException refused) {
        return true;
      }
    }
    return false;
  }

  /** Synthesis is 200 ms of silence; recognition hears one issue and then "yes". */
  private static final class FixedWords extends WholeAudioSpeechToText implements TextToSpeech {
    @Override
    public Audio synthesize(String text) {
      return Audio.silence(Audio.TELEPHONY_RATE_HZ, 200);
    }

    @Override
    public Transcript transcribe(Audio audio) {
      return heard("my internet keeps dropping every evening");
    }

    @Override
    public Transcript transcribeAnswer(Audio audio) {
      return heard("yes");
    }

    @Override
    public Ahead synthesizeAhead(String text, boolean shared) {
      return Ahead.now(this, text);
    }

    private static Transcript heard(String text) {
      List<Word> words = new java.util.ArrayList<>();
      double at = 0;
      for (String w : text.split(" ")) {
        words.add(new Word(w, at, at + 0.3, 0.95));
        at += 0.4;
      }
      return new Transcript(text, words);
    }
  }
}
