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

  /** {@code count} 20 ms frames of an 8 kHz 440 Hz tone (peak 4000: the assistant is speaking). */
  static java.util.List<short[]> toneFrames(int count) {
    return frames(tone(8000, count * 160).samples());
  }

  /** {@code count} all-zero 20 ms frames. */
  static java.util.List<short[]> zeroFrames(int count) {
    java.util.List<short[]> out = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) out.add(new short[160]);
    return out;
  }

  /** Samples cut into 160-sample frames; the last may be shorter. */
  static java.util.List<short[]> frames(short[] samples) {
    java.util.List<short[]> out = new java.util.ArrayList<>();
    for (int i = 0; i < samples.length; i += 160) {
      out.add(java.util.Arrays.copyOfRange(samples, i, Math.min(samples.length, i + 160)));
    }
    return out;
  }

  /**
   * Caller speech whose every frame can be told apart: a loud tone with the frame's number as its first sample, in
   * {@code frames} whole frames and a tail of {@code tailSamples}.
   */
  static Path numberedSpeech(Path file, int frames, int tailSamples) throws IOException {
    short[] s = tone(8000, frames * 160 + tailSamples).samples();
    for (int f = 0; f * 160 < s.length; f++) s[f * 160] = (short) (1000 + f);
    Files.createDirectories(file.getParent());
    WavFile.write(file, new Audio(8000, s), Optional.empty());
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
