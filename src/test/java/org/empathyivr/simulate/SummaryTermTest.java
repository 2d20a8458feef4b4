package org.empathyivr.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTermTest {
  private static final String SUMMARY =
      "Maria Lopez (5551234): \"my mother's BILL was charged to [card number] twice\" (confirmed by the caller)";

  @Test
  void anySpellingWillDo() {
    assertEquals(List.of("billing", "bill"), SummaryTerm.parse("billing~ bill").spellings());
    assertTrue(SummaryTerm.parse("billing~bill").foundIn(SUMMARY));
    assertFalse(SummaryTerm.parse("billing~invoice").foundIn(SUMMARY));
  }

  @Test
  void findsWholeWordsInAnyCase() {
    assertTrue(SummaryTerm.parse("bill").foundIn(SUMMARY));
    assertFalse(SummaryTerm.parse("bil").foundIn(SUMMARY));
    assertFalse(SummaryTerm.parse("charge").foundIn(SUMMARY));
    assertTrue(SummaryTerm.parse("mother").foundIn(SUMMARY));
    assertTrue(SummaryTerm.parse("Mother's").foundIn(SUMMARY));
  }

  @Test
  void aSpaceMatchesAnyRunOfSpaces() {
    assertTrue(SummaryTerm.parse("charged to").foundIn("was charged   to me"));
    assertFalse(SummaryTerm.parse("charged to").foundIn("was chargedto me"));
  }

  @Test
  void signsAtTheEndsAreMatchedAsWritten() {
    assertTrue(SummaryTerm.parse("[card number]").foundIn(SUMMARY));
    assertFalse(SummaryTerm.parse("[number]").foundIn(SUMMARY));
    assertTrue(SummaryTerm.parse("[number]").foundIn("on card [number]."));
  }

  @Test
  void anEmptySpellingIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> SummaryTerm.parse("bill~"));
    assertThrows(IllegalArgumentException.class, () -> SummaryTerm.parse(" "));
  }
}
