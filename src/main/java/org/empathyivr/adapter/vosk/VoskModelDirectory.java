package org.empathyivr.adapter.vosk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.empathyivr.domain.port.Audio;

/**
 * A directory checked to hold a Vosk model that can take telephone audio, with the feature options of its
 * {@code conf/mfcc.conf} that decide which audio rates it accepts.
 *
 * <p>Vosk itself is a poor judge: given audio at a rate its features cannot be resampled from, it logs one line and
 * returns empty text, which on a phone line looks like a silent caller. So this check refuses a model that would do
 * that to {@value Audio#TELEPHONY_RATE_HZ} Hz audio, and says which line to add.
 *
 * @param path the model directory
 * @param sampleRateHz the rate the model's features are computed at ({@code --sample-frequency})
 * @param allowsUpsampling whether lower-rate audio is upsampled ({@code --allow-upsample})
 * @param allowsDownsampling whether higher-rate audio is downsampled ({@code --allow-downsample})
 */
record VoskModelDirectory(Path path, int sampleRateHz, boolean allowsUpsampling, boolean allowsDownsampling) {
  static final String ALLOW_UPSAMPLE_LINE = "--allow-upsample=true";

  /** Kaldi's default for {@code --sample-frequency}. */
  private static final int DEFAULT_SAMPLE_RATE_HZ = 16000;

  /** Checks {@code dir}; the exception's message names the directory and the problem. */
  static VoskModelDirectory check(Path dir) throws IOException {
    if (!Files.exists(dir)) throw new IOException("Vosk model directory " + dir + " does not exist");
    if (!Files.isDirectory(dir)) throw new IOException("Vosk model directory " + dir + " is not a directory");
    for (String required : List.of("am/final.mdl", "conf/mfcc.conf")) {
      if (!Files.isRegularFile(dir.resolve(required))) {
        throw new IOException("Vosk model directory " + dir + " is not a Vosk model: it has no " + required);
      }
    }
    Path mfccConf = dir.resolve("conf/mfcc.conf");
    VoskModelDirectory model = readFeatureOptions(dir, Files.readAllLines(mfccConf));
    if (!model.accepts(Audio.TELEPHONY_RATE_HZ)) {
      throw new IOException(
          "Vosk model "
              + mfccConf
              + " is for "
              + model.sampleRateHz
              + " Hz audio and does not allow upsampling, so "
              + Audio.TELEPHONY_RATE_HZ
              + " Hz telephone audio would silently give empty text: add the line "
              + ALLOW_UPSAMPLE_LINE
              + " to "
              + mfccConf);
    }
    return model;
  }

  /** Reads Kaldi options, one {@code --name=value} a line; later lines win, {@code #} starts a comment. */
  static VoskModelDirectory readFeatureOptions(Path dir, List<String> mfccConfLines) throws IOException {
    int rateHz = DEFAULT_SAMPLE_RATE_HZ;
    boolean upsample = false;
    boolean downsample = false;
    for (String raw : mfccConfLines) {
      String line = raw.replaceFirst("#.*", "").trim();
      if (!line.startsWith("--")) continue;
      int equals = line.indexOf('=');
      String name = equals < 0 ? line.substring(2) : line.substring(2, equals);
      String value = equals < 0 ? "" : line.substring(equals + 1).trim();
      switch (name) {
        case "sample-frequency" -> rateHz = sampleRate(dir, value);
        case "allow-upsample" -> upsample = isTrue(value);
        case "allow-downsample" -> downsample = isTrue(value);
        default -> {}
      }
    }
    return new VoskModelDirectory(dir, rateHz, upsample, downsample);
  }

  /**
   * Whether the model ships its graph in two parts that Vosk composes as it decodes ({@code graph/HCLr.fst} and no
   * {@code graph/HCLG.fst}), which {@code scripts/compose-graph.sh} can compose ahead of time; a model that ships
   * {@code HCLG.fst} has its graph composed already.
   */
  boolean composesAsItGoes() {
    return Files.isRegularFile(path.resolve("graph/HCLr.fst")) && !Files.isRegularFile(path.resolve("graph/HCLG.fst"));
  }

  /** Where {@code scripts/compose-graph.sh} (run by the build) puts the model's graph composed ahead of time. */
  static final String COMPOSED = "composed";

  /**
   * The model in {@code composed/}: the same model with its graph composed once ({@code graph/HCLG.fst}), when it is
   * there, can take telephone audio, and was made from this model's files as they are now (its {@code FROM} lists
   * them with their SHA-256, as {@code sha256sum} prints them); else empty, with the reason.
   */
  Composed composed() {
    Path dir = path.resolve(COMPOSED);
    if (!Files.isDirectory(dir)) return new Composed(Optional.empty(), "no " + dir);
    try {
      if (!Files.isRegularFile(dir.resolve("graph/HCLG.fst"))) {
        return new Composed(Optional.empty(), dir + " has no graph/HCLG.fst");
      }
      List<String> from = Files.readAllLines(dir.resolve("FROM"));
      if (from.isEmpty()) return new Composed(Optional.empty(), dir.resolve("FROM") + " is empty");
      for (String line : from) {
        String[] file = line.split(" [ *]", 2);
        if (file.length != 2 || !file[0].matches("[0-9a-f]{64}")) {
          return new Composed(Optional.empty(), dir.resolve("FROM") + ": bad line '" + line + "'");
        }
        Path source = path.resolve(file[1]);
        if (!Files.isRegularFile(source) || !sha256(source).equals(file[0])) {
          return new Composed(Optional.empty(), dir + " was made from another " + file[1]
              + ": compose it again (scripts/compose-graph.sh " + path + ")");
        }
      }
      check(dir);
      return new Composed(Optional.of(dir), "");
    } catch (IOException e) {
      return new Composed(Optional.empty(), dir + " cannot be used: " + e.getMessage());
    }
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** The composed model's directory, or why there is none. */
  record Composed(Optional<Path> dir, String whyNot) {}

  /** Whether audio at {@code rateHz} reaches the model as features rather than as a "frequency mismatch". */
  boolean accepts(int rateHz) {
    if (rateHz == sampleRateHz) return true;
    return rateHz < sampleRateHz ? allowsUpsampling : allowsDownsampling;
  }

  private static int sampleRate(Path dir, String value) throws IOException {
    try {
      return (int) Float.parseFloat(value);
    } catch (NumberFormatException e) {
      throw new IOException("Vosk model " + dir.resolve("conf/mfcc.conf") + ": bad --sample-frequency: " + value, e);
    }
  }

  /** Kaldi's reading of a boolean option; a bare {@code --name} means true. */
  private static boolean isTrue(String value) {
    return List.of("", "true", "t", "1").contains(value.toLowerCase(Locale.ROOT));
  }
}
