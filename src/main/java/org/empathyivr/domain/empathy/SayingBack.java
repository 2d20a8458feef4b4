package org.empathyivr.domain.empathy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.empathyivr.domain.privacy.Redactor;

/**
 * What the caller hears when the assistant says their issue back: an acknowledgement when they showed a feeling
 * ("That sounds really frustrating."), then a lead-in with the reflection ("So, your bill is wrong."). An issue the
 * recognizer was unsure of gets a tentative lead-in, never one that states it as fact.
 *
 * <p>Only what may be said back is: personal data is redacted first ({@link Redactor}), and a clause holding a marker
 * (a redacted card number, or words the recognizer was unsure of, marked {@code [unclear]}) is left out. The caller
 * hears the rest of what they said; when nothing else is left there is nothing to say back.
 */
public final class SayingBack {
  /** A marker in the text: {@code [unclear]}, {@code [card number]}, {@code [number]} and the like. */
  private static final Pattern MARKER = Pattern.compile("\\[[a-z ]+\\]");
  /** What stands for words the recognizer was unsure of: "my [unclear] has been dead". */
  public static final String UNCLEAR = "[unclear]";
  private static final String UNCLEAR_WORD = "zzunclearzz";
  /**
   * The words that lead up to personal data ("my card number is", "email me at"): when the data ends what the caller
   * was saying, they go with it, since "your card number is" says nothing.
   */
  private static final Set<String> LEAD_UP =
      Set.of("is", "was", "it's", "its", "number", "card", "credit", "debit", "account", "my", "the", "at", "me",
          "email", "e-mail", "address", "to", "code", "security", "social", "ssn", "visa", "mastercard", "amex", "on",
          "of", "ending", "in", "and", "here", "that", "s");
  /** Words after personal data that start what the caller says next: the data ended a statement. */
  private static final Set<String> NEXT_STATEMENT =
      Set.of("and", "but", "so", "because", "i", "i'm", "i've", "it", "it's", "my", "they", "the", "then",
          "also", "can", "could", "please", "we", "there", "this", "that's");
  /** Where the sure part of a clause may end: before a phrase that only adds a detail ("every [unclear]"). */
  private static final Set<String> DETAIL_STARTS =
      Set.of("with", "for", "on", "at", "in", "to", "from", "when", "while", "after", "before", "since", "every",
          "each", "last", "this", "about", "by", "during", "until", "because");
  private static final int MIN_SURE_CLAUSE_WORDS = 3;

  private SayingBack() {}

  /**
   * What of {@code utterance} may be said back, in the assistant's words; empty when nothing is left. Personal data is
   * left out (a clause left dangling without it, "my card number is", goes with it); of a clause with words marked
   * {@code [unclear]} only the part before the detail they are in is kept ("my internet keeps dropping every
   * [unclear]" keeps "my internet keeps dropping"), or nothing when the unclear words are the heart of it.
   */
  public static Optional<String> reflection(String utterance) {
    String redacted = Redactor.redact(utterance);
    if (!MARKER.matcher(redacted).find()) return Reflection.of(redacted);
    String flagged = withoutPersonalData(redacted.replace(UNCLEAR, " " + UNCLEAR_WORD + " "));
    StringBuilder kept = new StringBuilder();
    for (Clauses.Clause clause : Clauses.of(flagged)) {
      List<String> words = sureWords(clause.words());
      if (words.isEmpty()) continue;
      if (kept.length() > 0) kept.append(' ').append(clause.joiner().isEmpty() ? "and" : clause.joiner());
      kept.append(' ').append(String.join(" ", words));
    }
    return kept.length() == 0 ? Optional.empty() : Reflection.of(kept.toString().strip());
  }

  /** The text without its personal-data markers, and without what led up to one that ended a statement. */
  private static String withoutPersonalData(String text) {
    List<String> out = new ArrayList<>();
    String[] words = text.strip().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      if (!words[i].startsWith("[")) {
        out.add(words[i]);
        continue;
      }
      int end = i;
      while (end < words.length && !words[end].endsWith("]")) end++;
      boolean endsStatement = end + 1 >= words.length || NEXT_STATEMENT.contains(words[end + 1]);
      while (endsStatement && !out.isEmpty() && LEAD_UP.contains(out.get(out.size() - 1))) out.remove(out.size() - 1);
      i = end;
    }
    return String.join(" ", out);
  }

  /** The words of a clause up to the detail holding its first unclear word; empty when too little is left. */
  private static List<String> sureWords(List<String> clause) {
    int unclear = clause.indexOf(UNCLEAR_WORD);
    if (unclear < 0) return clause;
    for (int cut = unclear; cut >= MIN_SURE_CLAUSE_WORDS; cut--) {
      if (DETAIL_STARTS.contains(clause.get(cut))) return clause.subList(0, cut);
    }
    return List.of();
  }

  /**
   * Whether {@code utterance} names a problem or the thing it is about (a word such as "broken", "bill", "router"):
   * what makes a reply to "is that right?" without a yes or no the issue said again.
   */
  public static boolean namesAProblem(String utterance) {
    return Words.of(utterance).stream().anyMatch(w -> Words.isProblem(w) || Words.NOUNS.contains(w));
  }

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
    return reflection(utterance).map(reflection -> line(phrasing, utterance, reflection, sure, tone));
  }

  /**
   * The acknowledgement (if any) of a feeling shown in {@code utterance} and its {@code reflection}, already made by
   * {@link #reflection}, with its lead-in.
   */
  public static Phrasing.Line line(Phrasing phrasing, String utterance, String reflection, boolean sure, Tone tone) {
    Phrasing.Line lead =
        phrasing.say(sure ? "reflect.lead" : "reflect.tentative", Map.of("reflection", reflection), tone).asSentence();
    Optional<Phrasing.Line> acknowledged = acknowledgement(phrasing, utterance, tone);
    return acknowledged.isPresent() ? acknowledged.get().then(lead) : lead;
  }
}
