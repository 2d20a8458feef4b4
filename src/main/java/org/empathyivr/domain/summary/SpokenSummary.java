package org.empathyivr.domain.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.empathyivr.domain.dialog.Unsure;
import org.empathyivr.domain.frustration.Frustration;

/**
 * The one sentence an agent hears before the call is bridged: who, what in the caller's words turned to the third
 * person, whether they confirmed it, and how they feel ("Maria Lopez says their internet keeps dropping every evening;
 * confirmed; frustrated: said 'third time'.").
 *
 * <p>It never guesses a gender: the caller is their name, or "the caller", and "they". Pure and thread-safe.
 */
public final class SpokenSummary {
  /**
   * From this score on (or when handed off as frustrated), the agent hears that the caller is frustrated: the default
   * frustration.threshold, at which a calm turn with one denied reflection rarely counts as frustrated (README
   * "Frustration"; docs/frustration.md).
   */
  public static final double FRUSTRATED = 0.88;
  /** From this score on, the agent hears that the caller may be a little frustrated: the default tone threshold. */
  public static final double SOMEWHAT_FRUSTRATED = 0.75;

  /** First-person words and their third-person, gender-neutral forms. */
  private static final Map<String, String> THIRD_PERSON = Map.ofEntries(
      Map.entry("i", "they"), Map.entry("i'm", "they're"), Map.entry("im", "they're"), Map.entry("i've", "they've"),
      Map.entry("i'll", "they'll"), Map.entry("i'd", "they'd"), Map.entry("me", "them"), Map.entry("my", "their"),
      Map.entry("mine", "theirs"), Map.entry("myself", "themselves"));
  /** Verbs that change after "I" becomes "they". */
  private static final Map<String, String> AFTER_THEY = Map.of("am", "are", "was", "were", "wasn't", "weren't");

  private SpokenSummary() {}

  /** The sentence for this handoff. */
  public static String of(Handoff h) {
    String who = h.caller().name().orElse("The caller");
    String firstName = h.caller().firstName().orElse("The caller");
    List<String> parts = new ArrayList<>();
    boolean story = !h.confirmed() && h.said().size() > 1;
    if (story) {
      parts.add(who + " said " + spoken(h.said().get(0)) + ", then " + spoken(h.said().get(h.said().size() - 1)));
    } else {
      parts.add(h.issue().map(i -> who + " says " + spoken(i)).orElse(who + ", no issue was heard"));
    }
    if (h.issue().isPresent()) parts.add(h.confirmed() ? firstName + " confirmed it" : "not confirmed");
    feeling(h.frustration(), h.reason() == HandoffReason.FRUSTRATED).ifPresent(parts::add);
    if (h.reason() != HandoffReason.CONFIRMED) parts.add(reason(h.reason()));
    return String.join("; ", parts) + ".";
  }

  /** Words as the agent hears them: in the third person, a marker said as words ("[unclear]": "something unclear"). */
  private static String spoken(String words) {
    return thirdPerson(words.replace(Unsure.MARK, "something unclear").replaceAll("\\[([a-z ]+)\\]", "a $1"));
  }

  /** The caller's own words as said about them: "my internet" becomes "their internet", "I am" "they are". */
  public static String thirdPerson(String words) {
    String[] tokens = words.strip().split("\\s+");
    StringBuilder out = new StringBuilder();
    boolean afterI = false;
    for (String token : tokens) {
      String core = token.replaceAll("^[^\\p{L}']+|[^\\p{L}']+$", "");
      String lower = core.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
      String replaced = THIRD_PERSON.get(lower);
      if (replaced == null && afterI) replaced = AFTER_THEY.get(lower);
      afterI = lower.equals("i");
      if (out.length() > 0) out.append(' ');
      out.append(replaced == null || core.isEmpty() ? token : token.replace(core, replaced));
    }
    return out.toString();
  }

  private static Optional<String> feeling(Frustration f, boolean handedOffAsFrustrated) {
    String why = f.cues().isEmpty() ? "" : ": " + f.cues().get(0).explanation();
    if (handedOffAsFrustrated || f.score() >= FRUSTRATED) return Optional.of("frustrated" + why);
    if (f.score() >= SOMEWHAT_FRUSTRATED) return Optional.of("maybe a little frustrated" + why);
    return Optional.empty();
  }

  private static String reason(HandoffReason reason) {
    return switch (reason) {
      case CONFIRMED -> "confirmed";
      case CALLER_ASKED -> "asked for a person";
      case RETRIES_EXHAUSTED -> "the assistant could not get it right";
      case ERROR -> "the assistant had a technical problem";
      case HUNG_UP -> "hung up before the end";
      case BUSY -> "every line of the assistant was busy";
      case FRUSTRATED -> "handed over at once";
    };
  }
}
