package org.empathyivr.adapter.fastagi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.adapter.vosk.BundledVoskModel;
import org.empathyivr.adapter.vosk.VoskSpeechToText;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.TranscriptionStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording decoded by real Vosk while another thread writes it the way Asterisk does (zero sizes in the header,
 * audio appended frame by frame, trailing silence cut off and sizes written at the end) hears exactly what decoding
 * the finished file at once hears.
 */
class RecordingFollowerIT {
  private static final int FRAME_SAMPLES = 160;
  private static VoskSpeechToText speech;

  @TempDir Path tmp;

  @BeforeAll
  static void loadModel() throws IOException {
    speech = VoskSpeechToText.open(BundledVoskModel.directory(), 2);
  }

  @AfterAll
  static void freeModel() {
    if (speech != null) speech.close();
  }

  @Test
  void aRecordingDecodedWhileItIsWrittenHearsWhatTheFinishedFileGives() throws Exception {
    Audio caller = WavFile.read(fixture("internet-dropping.wav"));
    short[] speechThenSilence = Arrays.copyOf(caller.samples(), caller.sampleCount() + 3 * 8000);
    int keptSamples = caller.sampleCount() + 8000; // a silence end keeps about one second of it
    Path wav = tmp.resolve("rec-3.wav");
    AtomicInteger piecesPassedOn = new AtomicInteger();
    CountDownLatch firstPiece = new CountDownLatch(1);

    Transcript streamed;
    Audio whole;
    try (TranscriptionStream stream = speech.startTranscribing();
        RecordingFollower follower = RecordingFollower.start(wav, piece -> {
          piecesPassedOn.incrementAndGet();
          firstPiece.countDown();
          stream.accept(piece);
        })) {
      Thread writer = new Thread(() -> writeAsAsteriskDoes(wav, speechThenSilence, keptSamples, firstPiece));
      writer.start();
      writer.join();
      int beforeTheEnd = piecesPassedOn.get();
      whole = follower.finish().orElseThrow();
      assertTrue(beforeTheEnd > 0, "audio was passed on before the recording ended");
      streamed = stream.finish();
    }

    assertEquals(keptSamples, whole.sampleCount());
    assertEquals(speech.transcribe(whole), streamed);
    assertTrue(streamed.text().contains("internet"), streamed.text());
  }

  /** Header with zero sizes, then 20 ms frames; waits once for the follower to see audio; trims and sizes. */
  private static void writeAsAsteriskDoes(Path wav, short[] samples, int keptSamples, CountDownLatch followerSaw) {
    try (FileChannel out = FileChannel.open(wav, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      byte[] header = WavFile.encode(new Audio(8000, new short[0]), Optional.empty());
      ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0).putInt(40, 0);
      out.write(ByteBuffer.wrap(header));
      for (int at = 0; at < samples.length; at += FRAME_SAMPLES) {
        ByteBuffer frame = ByteBuffer.allocate(2 * FRAME_SAMPLES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = at; i < Math.min(samples.length, at + FRAME_SAMPLES); i++) frame.putShort(samples[i]);
        frame.flip();
        out.write(frame);
        boolean halfWritten = at < samples.length / 2 && at + FRAME_SAMPLES >= samples.length / 2;
        if (halfWritten && !followerSaw.await(10, TimeUnit.SECONDS)) {
          throw new AssertionError("the follower saw nothing of a growing file in 10 s");
        }
      }
      out.truncate(44 + 2L * keptSamples);
      ByteBuffer size = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      out.write(size.putInt(0, 36 + 2 * keptSamples), 4);
      out.write(size.putInt(0, 2 * keptSamples).rewind(), 40);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(RecordingFollowerIT.class.getResource("/callers/" + name).toURI());
  }
}
