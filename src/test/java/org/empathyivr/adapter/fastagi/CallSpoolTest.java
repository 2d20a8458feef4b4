package org.empathyivr.adapter.fastagi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.port.Audio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallSpoolTest {
  @TempDir Path spoolDir;

  @Test
  void anAsteriskUniqueIdNamesItsOwnDirectory() {
    CallSpool spool = new CallSpool(spoolDir, Duration.ZERO);

    assertEquals(spoolDir.resolve("calls").resolve("1795458575.313361"), spool.callDir("1795458575.313361"));
  }

  @Test
  void noIdSteersAPathOutOfTheCallsDirectory() throws IOException {
    CallSpool spool = new CallSpool(spoolDir, Duration.ZERO);
    Path calls = spoolDir.resolve("calls");
    List<String> hostile =
        List.of("..", ".", "", "../../etc/passwd", "../calls", "/etc/cron.d/x", "a/b", "a\\b", "x\0y", ".hidden",
            "1795458575.313361/../../x", "1795458575.313361\n", "x".repeat(100_000), "~root", "$(reboot)", "ü");
    Set<String> names = new HashSet<>();
    for (String id : hostile) {
      Path dir = spool.callDir(id);
      assertEquals(calls, dir.getParent(), "the directory of " + printable(id));
      assertEquals(dir, dir.normalize(), printable(id));
      assertTrue(dir.getFileName().toString().matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}"), dir.toString());
      names.add(dir.getFileName().toString());
      Files.createDirectories(dir);
      spool.callEnded(id);
      assertFalse(Files.exists(dir));
    }
    assertEquals(hostile.size(), names.size(), "different ids, different directories");
    assertTrue(Files.isDirectory(calls), "ending a hostile call deletes only its own directory");
  }

  @Test
  void aRecordingIsDeletedOnceTranscribedByDefault() throws IOException {
    CallSpool spool = new CallSpool(spoolDir, Duration.ZERO);
    spool.prepare();
    Path wav = recording(spool, "1795458575.1");

    spool.transcribed(wav, "1795458575.1");

    assertFalse(Files.exists(wav));
    assertFalse(Files.exists(spoolDir.resolve("recordings")), "nothing is set aside");
  }

  @Test
  void aRetentionKeepsRecordingsOutsideTheCallUntilTheyExpire() throws IOException {
    CallSpool spool = new CallSpool(spoolDir, Duration.ofHours(24));
    spool.prepare();
    Path wav = recording(spool, "1795458575.2");

    spool.transcribed(wav, "1795458575.2");
    spool.callEnded("1795458575.2");

    Path kept = spoolDir.resolve("recordings/1795458575.2/rec-1.wav");
    assertTrue(Files.exists(kept), "kept after the call ended");
    Instant written = Files.getLastModifiedTime(kept).toInstant();
    assertEquals(0, spool.deleteExpired(written.plus(Duration.ofHours(23))));
    assertTrue(Files.exists(kept));
    Files.setLastModifiedTime(kept, FileTime.from(written.minus(Duration.ofHours(25))));
    assertEquals(1, spool.sweep(written));
    assertFalse(Files.exists(kept.getParent()), "the expired call's directory goes too");
  }

  @Test
  void aTurnHeardOverAudioSocketIsWrittenOnlyWhenRecordingsAreKept() throws IOException {
    Audio turn = new Audio(Audio.TELEPHONY_RATE_HZ, new short[] {0, 900, -900, 1800, -1800, 0});
    CallSpool keepsNothing = new CallSpool(spoolDir, Duration.ZERO);
    keepsNothing.prepare();

    assertFalse(keepsNothing.keep("1795458575.3", "rec-2", turn));
    assertFalse(Files.exists(spoolDir.resolve("recordings")), "nothing of the caller on disk");

    CallSpool keeps = new CallSpool(spoolDir, Duration.ofHours(24));
    keeps.prepare();
    assertTrue(keeps.keep("1795458575.3", "rec-2", turn));
    assertFalse(keeps.keep("1795458575.3", "rec-4", Audio.silence(Audio.TELEPHONY_RATE_HZ, 0)), "no empty file");

    Path kept = spoolDir.resolve("recordings/1795458575.3/rec-2.wav");
    assertArrayEquals(turn.samples(), WavFile.read(kept).samples());
    assertEquals(List.of(kept), list(kept.getParent()));
    Files.setLastModifiedTime(kept, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
    assertEquals(1, keeps.deleteExpired(Instant.now()), "the retention holds for it as for Asterisk's files");
  }

  private static List<Path> list(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.toList();
    }
  }

  @Test
  void aRecordingAsteriskNeverWroteIsNoError() throws IOException {
    CallSpool spool = new CallSpool(spoolDir, Duration.ofHours(1));
    spool.prepare();

    spool.transcribed(spool.callDir("1.1").resolve("rec-9.wav"), "1.1");

    assertFalse(Files.exists(spoolDir.resolve("recordings/1.1")));
  }

  @Test
  void aHostileIdIsKeptUnderItsHashToo() throws IOException {
    CallSpool spool = new CallSpool(spoolDir, Duration.ofHours(1));
    spool.prepare();
    Path wav = recording(spool, "../../x");

    spool.transcribed(wav, "../../x");

    try (var kept = Files.list(spoolDir.resolve("recordings"))) {
      Path dir = kept.findFirst().orElseThrow();
      assertNotEquals("..", dir.getFileName().toString());
      assertTrue(dir.getFileName().toString().startsWith("id-"), dir.toString());
    }
  }

  private static Path recording(CallSpool spool, String callId) throws IOException {
    Path dir = Files.createDirectories(spool.callDir(callId));
    return Files.write(dir.resolve("rec-1.wav"), new byte[] {1, 2, 3});
  }

  private static String printable(String id) {
    return id.length() > 40 ? id.substring(0, 40) + "…" : id.replace("\0", "\\0").replace("\n", "\\n");
  }
}
