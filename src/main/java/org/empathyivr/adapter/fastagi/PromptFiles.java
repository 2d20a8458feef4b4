package org.empathyivr.adapter.fastagi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpokenPrompt;

/**
 * Prompt audio as files Asterisk can play: 8 kHz mono 16-bit WAV, the text kept in the file's comment chunk.
 *
 * <p>Reusable prompts live in {@code <spool>/prompts/} under a name derived from their text and audio, so each is
 * written once and shared by every call; personal prompts go in the call's own directory and go with it. Returns
 * paths without extension, as {@code STREAM FILE} wants them. Thread-safe.
 */
public final class PromptFiles {
  /** The suffix of a prompt file being written. */
  private static final String PART = ".part";
  private final Path sharedDir;

  public PromptFiles(Path spoolDir) {
    this.sharedDir = spoolDir.resolve("prompts");
  }

  /** Creates the shared prompt directory and deletes files left half-written by a process that died writing them. */
  void prepare() throws IOException {
    Files.createDirectories(sharedDir);
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(sharedDir, "*" + PART)) {
      for (Path part : parts) Files.deleteIfExists(part);
    }
  }

  /**
   * The file for a prompt, written if it is not there yet.
   *
   * @param callDir where personal prompts of this call go
   * @param sequence a number unique within the call, for personal prompt names
   * @return the path without its {@code .wav} extension
   */
  Path fileFor(SpokenPrompt prompt, Path callDir, int sequence) throws IOException {
    Audio audio = prompt.audio();
    if (audio.sampleRateHz() != Audio.TELEPHONY_RATE_HZ) {
      throw new IllegalArgumentException("prompt audio at " + audio.sampleRateHz() + " Hz; Asterisk wants 8000 in .wav");
    }
    Path base =
        prompt.reusable() ? sharedDir.resolve("p-" + fingerprint(prompt)) : callDir.resolve("say-" + sequence);
    Path wav = base.resolveSibling(base.getFileName() + ".wav");
    if (!prompt.reusable() || !Files.exists(wav)) writeWhole(wav, audio, prompt.text());
    return base;
  }

  /**
   * Writes the file under a temporary name and renames it into place, so no one ever plays a prompt cut short: a
   * full disk leaves no half-written file behind, which a later call would otherwise find and play as it is.
   */
  static void writeWhole(Path wav, Audio audio, String text) throws IOException {
    Path part = wav.resolveSibling(wav.getFileName() + "." + Thread.currentThread().getId() + PART);
    try {
      WavFile.write(part, audio, Optional.of(text));
      Files.move(part, wav, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(part);
      } catch (IOException notDeleted) {
        e.addSuppressed(notDeleted);
      }
      throw e;
    }
  }

  private static String fingerprint(SpokenPrompt prompt) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(prompt.text().getBytes(StandardCharsets.UTF_8));
      short[] samples = prompt.audio().samples();
      ByteBuffer bytes = ByteBuffer.allocate(samples.length * 2);
      bytes.asShortBuffer().put(samples);
      sha.update(bytes);
      return HexFormat.of().formatHex(sha.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new UncheckedIOException(new IOException("SHA-256 missing from the JDK", e));
    }
  }
}
