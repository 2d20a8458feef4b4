package org.empathyivr.adapter.vosk;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.port.Audio;

/** The model the build unpacks, and the caller fixtures, for tests that run real Vosk. */
public final class BundledVoskModel {
  static final String MODEL_PROPERTY = "empathyivr.model";

  private BundledVoskModel() {}

  /** The model directory, or a skip that says why there is none. */
  public static Path directory() {
    String property = System.getProperty(MODEL_PROPERTY);
    assumeTrue(property != null, "no Vosk model: system property " + MODEL_PROPERTY + " is not set (mvn verify sets it)");
    Path dir = Path.of(property);
    assumeTrue(Files.isDirectory(dir), "no Vosk model: " + dir + " (from " + MODEL_PROPERTY + ") does not exist");
    return dir;
  }

  /** A caller fixture from src/test/resources/callers/. */
  static Audio caller(String fileName) throws IOException {
    URL url = BundledVoskModel.class.getResource("/callers/" + fileName);
    if (url == null) throw new IOException("no caller fixture " + fileName);
    try {
      return WavFile.read(Path.of(url.toURI()));
    } catch (URISyntaxException e) {
      throw new IOException(url.toString(), e);
    }
  }
}
