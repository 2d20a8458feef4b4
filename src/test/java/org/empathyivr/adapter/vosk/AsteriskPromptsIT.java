package org.empathyivr.adapter.vosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.empathyivr.adapter.audio.WavFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A spot check on real human speech at telephone rate: Asterisk's own English prompts, recorded at 8 kHz, where the
 * Debian package asterisk-core-sounds-en-wav is installed.
 */
class AsteriskPromptsIT {
  private static final Path SOUNDS = Path.of("/usr/share/asterisk/sounds/en");

  private static VoskSpeechToText speech;

  @BeforeAll
  static void loadModel() throws IOException {
    assumeTrue(Files.isDirectory(SOUNDS), "no Asterisk prompts: " + SOUNDS + " (asterisk-core-sounds-en-wav)");
    speech = VoskSpeechToText.open(BundledVoskModel.directory(), 1);
  }

  @AfterAll
  static void freeModel() {
    if (speech != null) speech.close();
  }

  @Test
  void transcribesRecordedPromptsWordForWord() throws Exception {
    assertEquals("hello world", transcribe("hello-world.wav"));
    assertEquals("please try your call again later", transcribe("please-try-call-later.wav"));
    assertEquals("nobody is available to take your call at the moment", transcribe("vm-nobodyavail.wav"));
  }

  private static String transcribe(String prompt) throws Exception {
    return speech.transcribe(WavFile.read(SOUNDS.resolve(prompt))).text();
  }
}
