package org.empathyivr.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.empathyivr.adapter.audio.WavFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a service reading the file sees while Asterisk records: nothing, then 32 KiB bursts, then the trimmed file. */
class GrowingRecordingTest {
  @TempDir Path tmp;

  @Test
  void theFileIsEmptyUntilTheWriteBufferFillsThenGrowsInBurstsWithZeroSizesThenIsTrimmedAndSized() throws Exception {
    short[] written = ramp(3 * 8000); // three seconds recorded; the last second is cut off at the end
    Path file = tmp.resolve("rec.wav");
    GrowingRecording recording = GrowingRecording.create(file, "wav", written, 2 * 8000, 0);

    assertEquals(0, Files.size(file), "created at once, header still in the buffer");
    recording.advanceTo(2000);
    assertEquals(0, Files.size(file), "44 + 2 s of audio is 32044 bytes: still buffered");
    recording.advanceTo(2100);
    assertEquals(GrowingRecording.WRITE_BUFFER_BYTES, Files.size(file));
    byte[] burst = Files.readAllBytes(file);
    assertEquals(0, le(burst, 4), "RIFF size not set while recording");
    assertEquals(0, le(burst, 40), "data size not set while recording");
    assertEquals((32768 - 44) / 2 * 2, (burst.length - 44) / 2 * 2, "cut in the middle of a frame");

    recording.finish();

    byte[] done = Files.readAllBytes(file);
    assertEquals(44 + 2 * 16000, done.length);
    assertEquals(36 + 2 * 16000, le(done, 4));
    assertEquals(2 * 16000, le(done, 40));
    assertArrayEquals(Arrays.copyOf(written, 16000), WavFile.read(file).samples());
  }

  private static short[] ramp(int n) {
    short[] samples = new short[n];
    for (int i = 0; i < n; i++) samples[i] = (short) (i % 2000 - 1000);
    return samples;
  }

  private static int le(byte[] bytes, int at) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(at);
  }
}
