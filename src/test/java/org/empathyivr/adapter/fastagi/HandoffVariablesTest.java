package org.empathyivr.adapter.fastagi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.empathyivr.adapter.storage.HandoffTestData;
import org.empathyivr.adapter.timing.TurnTiming;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.TextToSpeech;
import org.empathyivr.domain.summary.Handoff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the dialplan and the agent's channel receive at the handoff, whisper or not. */
class HandoffVariablesTest {
  @TempDir Path spool;
  private final List<String> commands = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();

  @Test
  void namesTheWhisperFileBeforeSayingTheHandoffIsReady() throws Exception {
    TextToSpeech tts = voice(text -> Audio.silence(Audio.TELEPHONY_RATE_HZ, 500));
    Handoff h = HandoffTestData.handoff("H-1795458575.1", "my internet is down");

    channel(tts).handOff(h);

    String whisper = spool.resolve("whispers").resolve("whisper-H-1795458575.1").toString();
    assertEquals("SET VARIABLE \"__HANDOFF_WHISPER\" \"" + whisper + "\"", commands.get(5));
    assertEquals("SET VARIABLE \"__HANDOFF\" \"1\"", commands.get(6));
    assertTrue(Files.exists(Path.of(whisper + ".wav")));
  }

  @Test
  void aSynthesizerFailureStillSetsEveryOtherVariable() throws Exception {
    TextToSpeech broken = voice(text -> {
      throw new SpeechFailure("FreeTTS voice not loaded", null);
    });

    channel(broken).handOff(HandoffTestData.handoff("H-1795458575.2", "my internet is down"));

    assertEquals(List.of("__HANDOFF_ID", "__HANDOFF_QUEUE", "__HANDOFF_PRIORITY", "__HANDOFF_REASON",
        "__HANDOFF_SUMMARY", "__HANDOFF"), commands.stream().map(c -> c.split("\"")[1]).toList());
    assertEquals(List.of("whisper"), errors, "counted for the operator");
  }

  private interface Synthesis {
    Audio synthesize(String text) throws SpeechFailure;
  }

  /** A voice that synthesizes with {@code synthesis}, at once. */
  private static TextToSpeech voice(Synthesis synthesis) {
    return new TextToSpeech() {
      @Override
      public Audio synthesize(String text) throws SpeechFailure {
        return synthesis.synthesize(text);
      }

      @Override
      public Ahead synthesizeAhead(String text, boolean shared) {
        return Ahead.now(this, text);
      }
    };
  }

  private AgiCallChannel channel(TextToSpeech tts) {
    AgiChannel agi = (AgiChannel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AgiChannel.class},
        (proxy, method, args) -> {
          if (!method.getName().equals("sendCommand")) throw new UnsupportedOperationException(method.getName());
          commands.add(((AgiCommand) args[0]).buildCommand());
          // SET VARIABLE's reply is not read: any use of it fails the test.
          return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AgiReply.class},
              (p, m, a) -> {
                throw new UnsupportedOperationException(m.getName());
              });
        });
    CallObserver observer = new CallObserver() {
      @Override
      public void error(String kind) {
        errors.add(kind);
      }
    };
    return new AgiCallChannel(
        agi, new PromptFiles(spool), new CallSpool(spool, Duration.ZERO), "1", new Whispers(spool, tts), observer,
        TurnTiming.NONE);
  }
}
