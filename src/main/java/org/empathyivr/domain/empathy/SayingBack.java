package org.empathyivr.domain.empathy;

import java.util.Map;
import java.util.Optional;

/**
 * What the caller hears when the assistant says their issue back: an acknowledgement when they showed a feeling
 * ("That sounds really frustrating."), then a lead-in with the reflection ("So, your bill is wrong."). An issue the
 * recognizer was unsure of gets a tentative lead-in, never one that states it as fact.
 */
public final class SayingBack {
  private SayingBack() {}

  /** The acknowledgement of a feeling shown in {@code utterance}, or empty when it showed none. */
  public static Optional<Phrasing.Line> acknowledgement(Phrasing phrasing, String utterance, Tone tone) {
    return Feeling.shownIn(utterance).map(feeling -> phrasing.say(feeling.phraseId, Map.of(), tone));
  }

  /**
   * The acknowledgement (if any) and the reflection of {@code utterance} with its lead-in, or empty when there is
   * nothing to reflect.
   *
   * @param sure whether the recognizer was sure of the words
   */
  public static Optional<Phrasing.Line> of(Phrasing phrasing, String utterance, boolean sure, Tone tone) {
    Optional<String> reflection = Reflection.of(utterance);
    if (reflection.isEmpty()) return Optional.empty();
    Phrasing.Line lead =
        phrasing.say(sure ? "reflect.lead" : "reflect.tentative", Map.of("reflection", reflection.get()), tone);
    lead = lead.asSentence();
    Optional<Phrasing.Line> acknowledged = acknowledgement(phrasing, utterance, tone);
    return Optional.of(acknowledged.isPresent() ? acknowledged.get().then(lead) : lead);
  }
}
