package org.empathyivr.adapter.freetts;

import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.TextToSpeech;

/** PLACEHOLDER (replaced on branch audio): FreeTTS kevin16, downsampled to 8 kHz, loudness-normalised. */
public final class FreeTtsTextToSpeech implements TextToSpeech, AutoCloseable {
  private FreeTtsTextToSpeech() {}

  /** Loads {@code voiceCount} kevin16 voices (synthesis runs on at most that many threads at once). */
  public static FreeTtsTextToSpeech load(int voiceCount) {
    throw new UnsupportedOperationException("placeholder");
  }

  @Override
  public Audio synthesize(String text) throws SpeechFailure {
    throw new UnsupportedOperationException("placeholder");
  }

  @Override
  public void close() {}
}
