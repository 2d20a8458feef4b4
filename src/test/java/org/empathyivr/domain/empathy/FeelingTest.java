package org.empathyivr.domain.empathy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeelingTest {

  @Test
  void hearsAFeelingTheCallerPutIntoWords() {
    assertEquals(Optional.of(Feeling.FRUSTRATED), Feeling.shownIn("i'm so frustrated with this"));
    assertEquals(Optional.of(Feeling.FRUSTRATED), Feeling.shownIn("this is ridiculous"));
    assertEquals(Optional.of(Feeling.FRUSTRATED), Feeling.shownIn("honestly i'm fed up"));
    assertEquals(Optional.of(Feeling.FRUSTRATED), Feeling.shownIn("i'm getting really annoyed"));
    assertEquals(Optional.of(Feeling.UPSET), Feeling.shownIn("i'm really upset about my bill"));
    assertEquals(Optional.of(Feeling.UPSET), Feeling.shownIn("i'm not happy at all"));
    assertEquals(Optional.of(Feeling.WORRIED), Feeling.shownIn("i'm worried someone is using my account"));
  }

  @Test
  void aDeniedFeelingIsNotShown() {
    assertEquals(Optional.empty(), Feeling.shownIn("i'm not upset i just want to know when my refund comes"));
    assertEquals(Optional.empty(), Feeling.shownIn("i wouldn't say i'm angry"));
    assertEquals(Optional.empty(), Feeling.shownIn("i'm not worried"));
  }

  @Test
  void aProblemStatedCalmlyShowsNoFeeling() {
    assertEquals(Optional.empty(), Feeling.shownIn("my internet keeps dropping every evening"));
    assertEquals(Optional.empty(), Feeling.shownIn("i was charged twice for my bill"));
    assertEquals(Optional.empty(), Feeling.shownIn(""));
  }
}
