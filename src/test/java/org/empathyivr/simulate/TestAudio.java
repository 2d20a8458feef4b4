package org.empathyivr.simulate;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.port.Audio;

/** Audio fixtures: tones written with WavFile (patched where a test needs a file Asterisk refuses). */
final class TestAudio {
  private TestAudio() {}

  /** A 440 Hz tone, loud enough that Asterisk's silence detector counts it as speech. */
  static Audio tone(int rateHz, int samples) {
    short[] s = new short[samples];
    for (int i = 0; i < samples; i++) s[i] = (short) (4000 * Math.sin(2 * Math.PI * 440 * i / rateHz));
    return new Audio(rateHz, s);
  }

  static Path wav(Path file, int rateHz, int samples, Optional<String> comment) throws IOException {
    Files.createDirectories(file.getParent());
    WavFile.write(file, tone(rateHz, samples), comment);
    return file;
  }

  /** An 8 kHz WAV whose header claims two channels: Asterisk refuses it ("Not in mono"). */
  static Path stereoWav(Path file, int samples) throws IOException {
    byte[] bytes = WavFile.encode(tone(8000, samples), Optional.empty());
    bytes[22] = 2; // fmt channels
    Files.write(file, bytes);
    return file;
  }

  /** A WAV whose fmt chunk says μ-law (format 7): Asterisk's wav module refuses it. */
  static Path ulawWav(Path file, int samples) throws IOException {
    byte[] bytes = WavFile.encode(tone(8000, samples), Optional.empty());
    bytes[20] = 7; // fmt audio format
    Files.write(file, bytes);
    return file;
  }

  /** A caller recording from src/test/resources/callers/. */
  static Path caller(String name) {
    try {
      return Path.of(TestAudio.class.getResource("/callers/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
