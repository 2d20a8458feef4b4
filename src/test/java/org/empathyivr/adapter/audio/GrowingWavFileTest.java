package org.empathyivr.adapter.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.empathyivr.domain.port.Audio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a recording the way Asterisk writes it: every sample handed out once, whatever the file does. */
class GrowingWavFileTest {
  @TempDir Path tmp;

  @Test
  void handsOutEverySampleOnceAsTheFileGrowsInOddPiecesAndIsTrimmedAtTheEnd() throws Exception {
    Path path = tmp.resolve("rec.wav");
    GrowingWavFile following = new GrowingWavFile(path);
    List<Audio> pieces = new ArrayList<>();
    short[] recorded = ramp(4000);
    byte[] bytes = wavBytesWithZeroSizes(recorded);

    assertEquals(Optional.empty(), following.readNew(), "no file yet");
    try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      assertEquals(Optional.empty(), following.readNew(), "empty file");
      write(out, bytes, 0, 30);
      assertEquals(Optional.empty(), following.readNew(), "half a header");
      write(out, bytes, 30, 44 + 333); // the header and 166.5 samples
      following.readNew().ifPresent(pieces::add);
      assertEquals(166, following.samplesRead(), "the half sample waits for its other byte");
      write(out, bytes, 44 + 333, bytes.length);
      following.readNew().ifPresent(pieces::add);
      assertEquals(Optional.empty(), following.readNew(), "nothing new");
      // Asterisk cuts trailing silence off and writes the sizes: the file shrinks under the reader.
      out.truncate(44 + 2 * 3000);
      out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 2 * 3000), 40);
    }

    GrowingWavFile.Finished finished = following.finish();

    assertTrue(finished.rest().isEmpty(), "everything kept was handed out already");
    assertArrayEquals(java.util.Arrays.copyOf(recorded, 3000), finished.whole().samples());
    assertArrayEquals(recorded, Audio.join(pieces).samples(), "handed out once each, in order, the cut part too");
  }

  @Test
  void finishingHandsOutWhatWasNeverSeenWhileGrowing() throws Exception {
    Path path = tmp.resolve("rec.wav");
    GrowingWavFile following = new GrowingWavFile(path);
    WavFile.write(path, new Audio(8000, ramp(1600)), Optional.empty());

    GrowingWavFile.Finished finished = following.finish();

    assertArrayEquals(ramp(1600), finished.rest().samples());
    assertEquals(finished.rest(), finished.whole());
  }

  @Test
  void aFileNeverWrittenIsNamedWhenFinishing() {
    assertThrows(NoSuchFileException.class, () -> new GrowingWavFile(tmp.resolve("none.wav")).finish());
  }

  @Test
  void aFileThatIsNotAWaveIsRefused() throws Exception {
    Path path = tmp.resolve("rec.wav");
    java.nio.file.Files.write(path, "not a riff header at all".getBytes());
    assertThrows(IOException.class, () -> new GrowingWavFile(path).readNew());
  }

  private static void write(FileChannel out, byte[] bytes, int from, int to) throws IOException {
    out.write(ByteBuffer.wrap(bytes, from, to - from), from);
  }

  private static byte[] wavBytesWithZeroSizes(short[] samples) {
    byte[] bytes = WavFile.encode(new Audio(8000, samples), Optional.empty());
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(4, 0).putInt(40, 0);
    return bytes;
  }

  private static short[] ramp(int n) {
    short[] samples = new short[n];
    for (int i = 0; i < n; i++) samples[i] = (short) (i * 7 % 3000 - 1500);
    return samples;
  }
}
