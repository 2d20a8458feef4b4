package org.empathyivr.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.empathyivr.adapter.audio.WavFile;

/**
 * Finds and checks the file Asterisk would play for a {@code STREAM FILE} name.
 *
 * <p>The name never carries an extension: Asterisk appends each format's extensions, so {@code prompt.wav} looks for
 * {@code prompt.wav.wav} and is missing. A relative name resolves under the sounds directory for the language, then
 * the sounds root. The first existing file decides: a {@code .wav} that is not 8 kHz mono 16-bit PCM (16 kHz, stereo,
 * μ-law inside WAV) does not play. Positions are reported like Asterisk's format modules report them: {@code wav}
 * assumes a 44-byte header, so a LIST chunk adds its size in bytes / 2 to every {@code endpos}.
 */
final class SoundFiles {
  private static final int WAV_HEADER_BYTES = 44;
  private static final int GSM_FRAME_BYTES = 33;
  private static final int GSM_FRAME_SAMPLES = 160;
  private static final String[] EXTENSIONS = {"wav", "wav16", "sln", "raw", "sln16", "ulaw", "alaw", "gsm"};

  /**
   * A playable file.
   *
   * @param rateHz the file's sample rate; {@code endpos} counts samples at this rate
   * @param samples the audio samples in the file
   * @param positionOffset what Asterisk adds to a sample position to report it ({@code wav}: extra header bytes / 2)
   */
  record Sound(Path path, int rateHz, long samples, long positionOffset, Optional<String> comment) {
    long durationMs() {
      return samples * 1000 / rateHz;
    }

    /** {@code endpos} when played to the end. */
    long endPosition() {
      return samples + positionOffset;
    }

    /** {@code endpos} after {@code ms} of playing from {@code startSample}. */
    long positionAfter(long startSample, long ms) {
      return Math.min(samples, startSample + ms * rateHz / 1000) + positionOffset;
    }
  }

  private final Optional<Path> soundsDirectory;
  private final String language;
  private final Optional<Path> root;

  SoundFiles(Optional<Path> soundsDirectory, String language) {
    this(soundsDirectory, language, Optional.empty());
  }

  /** @param root where Asterisk's {@code /} is seen from this process, when not at {@code /} */
  SoundFiles(Optional<Path> soundsDirectory, String language, Optional<Path> root) {
    this.soundsDirectory = soundsDirectory;
    this.language = language;
    this.root = root;
  }

  /** An absolute path as Asterisk names it, as this process reaches it. */
  Path onHost(String absolutePath) {
    return root.map(r -> r.resolve(absolutePath.substring(1))).orElse(Path.of(absolutePath));
  }

  Optional<Path> directory() {
    return soundsDirectory;
  }

  /** The playable file for {@code name}, or empty when Asterisk would answer {@code result=-1 endpos=0}. */
  Optional<Sound> find(String name) {
    for (Path base : bases(name)) {
      for (String extension : EXTENSIONS) {
        Path file = base.resolveSibling(base.getFileName() + "." + extension);
        if (Files.isRegularFile(file)) return check(file, extension);
      }
    }
    return Optional.empty();
  }

  private List<Path> bases(String name) {
    List<Path> bases = new ArrayList<>();
    if (name.isEmpty()) return bases;
    if (name.startsWith("/")) {
      bases.add(onHost(name));
    } else if (soundsDirectory.isPresent()) {
      bases.add(soundsDirectory.get().resolve(language).resolve(name));
      bases.add(soundsDirectory.get().resolve(name));
    }
    return bases;
  }

  private static Optional<Sound> check(Path file, String extension) {
    try {
      long size = Files.size(file);
      return switch (extension) {
        case "wav", "wav16" -> wav(file, extension.equals("wav") ? 8000 : 16000, size);
        case "sln", "raw" -> Optional.of(new Sound(file, 8000, size / 2, 0, Optional.empty()));
        case "sln16" -> Optional.of(new Sound(file, 16000, size / 2, 0, Optional.empty()));
        case "ulaw", "alaw" -> Optional.of(new Sound(file, 8000, size, 0, Optional.empty()));
        case "gsm" -> Optional.of(
            new Sound(file, 8000, size / GSM_FRAME_BYTES * GSM_FRAME_SAMPLES, 0, Optional.empty()));
        default -> Optional.empty();
      };
    } catch (IOException e) {
      return Optional.empty(); // Asterisk: "Unexpected frequency mismatch", "Not in mono", not PCM, unreadable
    }
  }

  private static Optional<Sound> wav(Path file, int requiredRateHz, long size) throws IOException {
    WavFile.Contents contents = WavFile.readContents(file);
    if (contents.channels() != 1 || contents.audio().sampleRateHz() != requiredRateHz) return Optional.empty();
    long samples = contents.audio().sampleCount();
    long offset = Math.max(0, (size - WAV_HEADER_BYTES) / 2 - samples);
    return Optional.of(new Sound(file, requiredRateHz, samples, offset, contents.comment()));
  }
}
