package org.empathyivr.adapter.freetts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;

class CapturingAudioPlayerTest {
  private final CapturingAudioPlayer player = new CapturingAudioPlayer();

  @Test
  void keepsEachUtteranceApartInTheOrderSpoken() {
    player.setAudioFormat(new AudioFormat(16000f, 16, 1, true, true));

    player.begin(4);
    player.write(new byte[] {0x01, 0x02});
    player.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
    assertTrue(player.end());
    player.begin(2);
    player.write(new byte[] {9, 0x7F, 0x00, 9}, 1, 2);
    player.end();

    List<short[]> utterances = player.takeUtterances();
    assertEquals(2, utterances.size());
    assertArrayEquals(new short[] {0x0102, -2}, utterances.get(0));
    assertArrayEquals(new short[] {0x7F00}, utterances.get(1));
    assertEquals(16000, player.sampleRateHz());
  }

  @Test
  void readsLittleEndianSamplesWhenTheVoiceSaysSo() {
    player.setAudioFormat(new AudioFormat(8000f, 16, 1, true, false));

    player.begin(2);
    player.write(new byte[] {0x01, 0x02});
    player.end();

    assertArrayEquals(new short[] {0x0201}, player.takeUtterances().get(0));
    assertEquals(8000, player.sampleRateHz());
  }

  @Test
  void takingEmptiesThePlayerForTheNextText() {
    player.begin(2);
    player.write(new byte[] {0, 1});
    player.end();
    player.takeUtterances();

    assertEquals(List.of(), player.takeUtterances());
  }

  @Test
  void resetDropsWhatWasHalfSpoken() {
    player.begin(4);
    player.write(new byte[] {0, 1});
    player.reset();

    assertEquals(List.of(), player.takeUtterances());
  }

  @Test
  void refusesAudioThatIsNotMono16Bit() {
    assertThrows(
        IllegalArgumentException.class, () -> player.setAudioFormat(new AudioFormat(16000f, 8, 1, true, true)));
  }
}
