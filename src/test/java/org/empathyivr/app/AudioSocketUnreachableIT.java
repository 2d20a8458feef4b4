package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.empathyivr.simulate.AudioSocketRun;
import org.empathyivr.simulate.SessionResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Asterisk that cannot reach the AudioSocket listener (a wrong media.connect-address, a firewall, no module): each
 * call still gets the whole dialog, over prompt files and RECORD FILE, and the log says why.
 */
class AudioSocketUnreachableIT {
  @TempDir static Path root;
  private static RunningSupportLine line;

  @BeforeAll
  static void startTheLine() throws Exception {
    // Nothing listens on 127.0.0.2 (the listener is bound to 127.0.0.1): Asterisk's connection is refused.
    line = RunningSupportLine.start(root, "", "jdbc:sqlite:" + root.resolve("handoffs.db"),
        Map.of("media.mode", "audiosocket", "media.connect-address", "127.0.0.2"));
  }

  @AfterAll
  static void stopTheLine() throws Exception {
    if (line != null) line.close();
  }

  @Test
  void aCallWhoseAudioCannotStreamGoesOnWithRecordFile() throws Exception {
    SessionResult call = line.call("5551234", "Maria Lopez", "internet-dropping.wav", "yes.wav");

    AudioSocketRun refused = call.audioSockets().get(0);
    assertEquals(AudioSocketRun.End.ERROR, refused.end(), refused.toString());
    assertEquals("200 result=-1", refused.reply());
    assertTrue(call.wire().stream().anyMatch(l -> l.startsWith(">> RECORD FILE")), call.wire().toString());
    assertEquals("confirmed", call.variable("HANDOFF_REASON").orElseThrow(), call.wire().toString());
    assertTrue(call.variable("HANDOFF_SUMMARY").orElseThrow().contains("internet"), call.variable("HANDOFF_SUMMARY").get());
  }
}
