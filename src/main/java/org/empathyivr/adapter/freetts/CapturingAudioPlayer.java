package org.empathyivr.adapter.freetts;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import com.sun.speech.freetts.audio.AudioPlayer;

/**
 * A FreeTTS {@link AudioPlayer} that keeps what a voice speaks in memory instead of playing it: a server has no sound
 * card, and the line needs the samples anyway.
 *
 * <p>FreeTTS speaks text as a series of utterances (roughly sentences), each framed by {@link #begin(int)} and
 * {@link #end()}; they are kept apart so the caller can pace the gaps between them. Used by one voice, and so by one
 * synthesis at a time, but written from the voice's output thread and read from the caller's: access is
 * synchronized.
 */
final class CapturingAudioPlayer implements AudioPlayer {
  private AudioFormat format = new AudioFormat(16000f, 16, 1, true, true);
  private final List<short[]> utterances = new ArrayList<>();
  private ByteArrayOutputStream current;
  private float volume = 1.0f;

  /** The utterances spoken since the last call, in order, as 16-bit samples at {@link #sampleRateHz()}. */
  synchronized List<short[]> takeUtterances() {
    if (current != null) end();
    List<short[]> taken = List.copyOf(utterances);
    utterances.clear();
    return taken;
  }

  synchronized int sampleRateHz() {
    return Math.round(format.getSampleRate());
  }

  @Override
  public synchronized void setAudioFormat(AudioFormat format) {
    if (format.getSampleSizeInBits() != 16 || format.getChannels() != 1) {
      throw new IllegalArgumentException("not mono 16-bit audio: " + format);
    }
    this.format = format;
  }

  @Override
  public synchronized AudioFormat getAudioFormat() {
    return format;
  }

  @Override
  public synchronized void begin(int size) {
    if (current != null) end();
    current = new ByteArrayOutputStream(Math.max(0, size));
  }

  @Override
  public synchronized boolean end() {
    if (current != null) {
      utterances.add(samples(current.toByteArray()));
      current = null;
    }
    return true;
  }

  @Override
  public boolean write(byte[] audioData) {
    return write(audioData, 0, audioData.length);
  }

  @Override
  public synchronized boolean write(byte[] audioData, int offset, int size) {
    if (current == null) current = new ByteArrayOutputStream();
    current.write(audioData, offset, size);
    return true;
  }

  private short[] samples(byte[] bytes) {
    ByteBuffer buffer =
        ByteBuffer.wrap(bytes).order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    short[] samples = new short[bytes.length / 2];
    buffer.asShortBuffer().get(samples);
    return samples;
  }

  @Override
  public synchronized void reset() {
    current = null;
    utterances.clear();
  }

  @Override
  public synchronized void cancel() {
    reset();
  }

  @Override
  public boolean drain() {
    return true;
  }

  @Override
  public void pause() {}

  @Override
  public void resume() {}

  @Override
  public void close() {}

  @Override
  public synchronized float getVolume() {
    return volume;
  }

  @Override
  public synchronized void setVolume(float volume) {
    this.volume = volume; // loudness is set afterwards, for the whole prompt
  }

  @Override
  public long getTime() {
    return 0;
  }

  @Override
  public void resetTime() {}

  @Override
  public void startFirstSampleTimer() {}

  @Override
  public void showMetrics() {}
}
