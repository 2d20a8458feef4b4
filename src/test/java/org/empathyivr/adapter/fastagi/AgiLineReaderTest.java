package org.empathyivr.adapter.fastagi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AgiLineReaderTest {
  @Test
  void readsLinesEndedByNewlineDroppingACarriageReturnBeforeIt() throws IOException {
    AgiLineReader reader = reader("agi_network: yes\r\nagi_uniqueid: 1.2\n\nlast", 64);

    assertEquals("agi_network: yes", reader.readLine());
    assertEquals("agi_uniqueid: 1.2", reader.readLine());
    assertEquals("", reader.readLine());
    assertEquals("last", reader.readLine());
    assertNull(reader.readLine());
  }

  @Test
  void aLineOfExactlyTheBoundIsReadWithOrWithoutCarriageReturn() throws IOException {
    AgiLineReader reader = reader("12345678\n12345678\r\n", 8);

    assertEquals("12345678", reader.readLine());
    assertEquals("12345678", reader.readLine());
  }

  @Test
  void aLineOverTheBoundIsRefusedWithoutReadingTheRest() {
    byte[] endless = new byte[1 << 20];
    java.util.Arrays.fill(endless, (byte) 'A');
    CountingInput in = new CountingInput(endless);
    AgiLineReader reader = new AgiLineReader(in, 8192);

    IOException e = assertThrows(AgiLineReader.LineTooLong.class, reader::readLine);

    assertEquals("a line longer than 8192 bytes", e.getMessage());
    assertEquals(16384, in.read, "read in 8 KiB pieces, stopping at the first piece past the bound");
  }

  @Test
  void linesSplitAcrossReadsAreJoined() throws IOException {
    InputStream trickle = new InputStream() {
      private final byte[] bytes = "agi_request: agi://x/support\n".getBytes(StandardCharsets.US_ASCII);
      private int at;

      @Override
      public int read() {
        return at < bytes.length ? bytes[at++] : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (at == bytes.length) return -1;
        b[off] = bytes[at++];
        return 1;
      }
    };

    assertEquals("agi_request: agi://x/support", new AgiLineReader(trickle, 64).readLine());
  }

  @Test
  void invalidUtf8BecomesReplacementCharacters() throws IOException {
    AgiLineReader reader = new AgiLineReader(new ByteArrayInputStream(new byte[] {'a', (byte) 0xff, 'b', '\n'}), 8);

    assertEquals("a\ufffdb", reader.readLine());
  }

  private static AgiLineReader reader(String text, int max) {
    return new AgiLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
  }

  private static final class CountingInput extends ByteArrayInputStream {
    int read;

    CountingInput(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      int n = super.read(b, off, len);
      if (n > 0) read += n;
      return n;
    }
  }
}
