package org.empathyivr.adapter.fastagi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.simulate.CallerTurn;
import org.empathyivr.simulate.SessionResult;
import org.empathyivr.simulate.SimulatedAsterisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * An operator reads the log of a whole call, at every level: each line the server writes for the call carries
 * Asterisk's unique id, the call's start and end are one line each, and nothing the caller said or is called is there.
 */
class CallLogTest {
  private static final String CALL_ID = "1795458575.424242";
  private static final String ISSUE = "my internet keeps dropping every evening";
  private static final List<String> PERSONAL = List.of("Maria", "Lopez", "5551234", "internet", "dropping", "evening");

  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger asteriskJava = (Logger) LoggerFactory.getLogger("org.asteriskjava");
  private Level rootLevel;
  private Level asteriskJavaLevel;

  @BeforeEach
  void captureEveryLevel() {
    rootLevel = root.getLevel();
    asteriskJavaLevel = asteriskJava.getLevel();
    root.setLevel(Level.DEBUG);
    asteriskJava.setLevel(Level.DEBUG);
    captured.start();
    root.addAppender(captured);
  }

  @AfterEach
  void restoreLogging() {
    root.detachAppender(captured);
    root.setLevel(rootLevel);
    asteriskJava.setLevel(asteriskJavaLevel);
  }

  @Test
  void everyLineOfACallCarriesItsUniqueIdAndNoPersonalData() throws Exception {
    ScriptedSpeech speech = new ScriptedSpeech(ISSUE, "yes");
    SavedHandoffs store = new SavedHandoffs();
    SupportLineAgiScript script = Scripts.supportLine(dir.resolve("spool"), speech, store, 4);
    Path speaks = dir.resolve("caller.wav");
    WavFile.write(speaks, Audio.silence(Audio.TELEPHONY_RATE_HZ, 1500), Optional.empty());
    SessionResult call;
    try (ServedLine line = ServedLine.start(script)) {
      call = SimulatedAsterisk.connectingTo("127.0.0.1", line.port)
          .uniqueId(CALL_ID)
          .callerId("5551234", "Maria Lopez")
          .build()
          .call(List.of(new CallerTurn.Says(speaks), new CallerTurn.Says(speaks)));
    }
    assertEquals(Optional.of("confirmed"), call.variable("HANDOFF_REASON"));
    assertTrue(store.saved.get(0).summaryLine().contains(ISSUE), "the words are in the handoff record");

    List<ILoggingEvent> callLines =
        captured.list.stream().filter(e -> e.getThreadName().startsWith("fastagi-")).toList();
    assertTrue(callLines.size() >= 4, "asterisk-java's and ours: " + lines(callLines));
    for (ILoggingEvent line : callLines) {
      assertEquals(CALL_ID, line.getMDCPropertyMap().get("call"), "without the call's id: " + line);
    }
    assertEquals(1, callLines.stream().filter(e -> e.getFormattedMessage().startsWith("call started")).count());
    assertEquals(1, callLines.stream().filter(e -> e.getFormattedMessage().startsWith("call ended")).count());

    for (ILoggingEvent line : captured.list) {
      String text = line.getFormattedMessage()
          + (line.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(line.getThrowableProxy()));
      for (String personal : PERSONAL) assertFalse(text.contains(personal), "'" + personal + "' logged: " + text);
    }
  }

  @Test
  void aThreadThatServedACallCarriesNoIdIntoTheNextConnection() throws Exception {
    List<String> idsSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
    org.asteriskjava.fastagi.AgiScript peek = (request, channel) -> idsSeen.add(String.valueOf(org.slf4j.MDC.get("call")));
    try (ServedLine line = ServedLine.start(peek, 1, AgiLimits.withRequestTimeout(java.time.Duration.ofSeconds(2)))) {
      AsteriskSide.call(line.port, AsteriskSide.REQUEST);
      AsteriskSide.call(line.port, AsteriskSide.REQUEST.replace("agi_uniqueid: 1795458575.313361\n", ""));
    }
    assertEquals(List.of("1795458575.313361", "null"), idsSeen);
  }

  private static String lines(List<ILoggingEvent> events) {
    return String.join("\n", events.stream().map(ILoggingEvent::getFormattedMessage).toList());
  }
}
