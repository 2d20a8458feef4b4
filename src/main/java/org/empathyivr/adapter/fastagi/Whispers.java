package org.empathyivr.adapter.fastagi;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.TextToSpeech;
import org.empathyivr.domain.summary.Handoff;

/**
 * The spoken summary as audio the agent hears before the call is bridged ({@code Queue}'s announcement or {@code
 * Dial}'s {@code A()} option): 8 kHz WAV files in {@code <spool>/whispers/}, named by handoff id. They outlive the call
 * (the agent answers after the assistant is done) and are deleted a day later. Thread-safe.
 */
public final class Whispers {
  /** Long enough for any queue wait. */
  static final Duration KEEP = Duration.ofDays(1);
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final Path dir;
  private final TextToSpeech textToSpeech;

  public Whispers(Path spoolDir, TextToSpeech textToSpeech) {
    this.dir = spoolDir.resolve("whispers");
    this.textToSpeech = textToSpeech;
  }

  /**
   * Synthesizes the handoff's spoken summary and writes it.
   *
   * @return the file's path without {@code .wav}, as {@code Playback} and the announce options want it
   */
  Path render(Handoff handoff) throws IOException, SpeechFailure {
    if (!SAFE_ID.matcher(handoff.id()).matches()) throw new IllegalArgumentException("handoff id unfit for a file name: " + handoff.id());
    Audio audio = textToSpeech.synthesize(handoff.spokenSummary());
    if (audio.sampleRateHz() != Audio.TELEPHONY_RATE_HZ) {
      throw new IllegalArgumentException("whisper audio at " + audio.sampleRateHz() + " Hz; Asterisk wants 8000 in .wav");
    }
    Files.createDirectories(dir);
    deleteOlderThan(Instant.now().minus(KEEP));
    Path base = dir.resolve("whisper-" + handoff.id());
    PromptFiles.writeWhole(base.resolveSibling(base.getFileName() + ".wav"), audio, handoff.spokenSummary());
    return base;
  }

  private void deleteOlderThan(Instant cutoff) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "whisper-*.wav")) {
      for (Path f : files) {
        if (Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) Files.deleteIfExists(f);
      }
    }
  }
}
