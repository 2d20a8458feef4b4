package org.empathyivr.domain.empathy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.empathyivr.domain.empathy.Clauses.Clause;

/**
 * Time phrases in a clause said back ("on the third of june", "since monday", "whenever you're at home"), which can
 * move to the other end of their clause without changing what it says: a way to say the caller's sentence in another
 * order rather than read it back.
 */
final class TimePhrases {
  /** Where a time phrase may start: "on the third of june", "since monday", "last week", "all day". */
  private static final Set<String> TIME_STARTS =
      Set.of("on", "in", "at", "since", "for", "during", "by", "until", "till", "between", "before", "after",
          "around", "this", "last", "next", "every", "each", "all", "today", "yesterday", "tonight", "tomorrow");
  /** A phrase after one of these belongs to a noun: "a charge from last tuesday", "the bill of march". */
  private static final Set<String> NOUN_LINKS = Set.of("from", "of", "to");
  private static final Set<String> TIME_GLUE =
      Set.of("the", "a", "of", "and", "few", "couple", "past", "whole", "end", "start", "beginning", "middle");
  private static final Set<String> TIME_WORDS =
      Set.of("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
          "today", "yesterday", "tonight", "tomorrow", "morning", "afternoon", "evening", "night", "week", "weeks",
          "month", "months", "year", "years", "day", "days", "hour", "hours", "minute", "minutes", "weekend",
          "o'clock", "ago");
  /** A time phrase after one of these may belong to what was said or wanted, not to the clause: leave it there. */
  private static final Set<String> EMBEDDING =
      Set.of("telling", "saying", "says", "said", "told", "that", "which", "who", "when", "where", "whenever", "if",
          "whether", "because", "why", "how", "what");
  private static final Set<String> SUBJECT_STARTS =
      Set.of("you", "your", "we", "our", "the", "it", "it's", "he", "she", "they", "there", "you're", "you've",
          "hers", "his", "yours", "theirs", "her", "their", "this", "nobody", "someone");
  /** "me and my wife" joins two people, not two clauses: a clause joined by "and" has a few words before it. */
  static final int CONJUNCT_MIN_WORDS = 3;
  private static final Set<String> NOMINATIVES = Set.of("you", "we", "he", "she", "they", "it", "there");

  private TimePhrases() {}

  /** Whether {@code word} after an "and" starts a clause of its own ("and hers stopped", "and the bill"). */
  static boolean startsClause(String word) {
    return SUBJECT_STARTS.contains(word);
  }

  /**
   * Moves a time phrase to the other end of its clause: "you were charged ten dollars on the third of june" → "on
   * the third of june you were charged ten dollars", "since the storm on sunday it has not worked" → "it has not
   * worked since the storm on sunday", "it freezes whenever you watch netflix" → "whenever you watch netflix it
   * freezes".
   */
  static Clause move(List<Clause> parts, int at) {
    List<String> w = parts.get(at).words();
    int[] span = leadingTime(w);
    if (span != null) return new Clause(parts.get(at).joiner(), move(w, span, w.size()));
    span = whenever(w);
    if (span == null) span = innerTime(w);
    if (span == null) return parts.get(at);
    return new Clause(parts.get(at).joiner(), move(w, span, conjunctStart(w, span[0])));
  }

  /** Where the clause joined by the last "and" or "but" before {@code at} starts ("... and hers stopped"), or 0. */
  private static int conjunctStart(List<String> w, int at) {
    for (int i = at - 2; i >= CONJUNCT_MIN_WORDS; i--) {
      boolean join = w.get(i).equals("and") || w.get(i).equals("but");
      if (join && startsClause(w.get(i + 1))) return i + 1;
    }
    return 0;
  }

  /** {@code w} with the words of {@code span} moved to {@code to}, an index outside the span. */
  private static List<String> move(List<String> w, int[] span, int to) {
    List<String> out = new ArrayList<>(w.subList(0, span[0]));
    out.addAll(w.subList(span[1], w.size()));
    out.addAll(to < span[0] ? to : out.size(), w.subList(span[0], span[1]));
    return out;
  }

  /** "since the storm on sunday" before the subject it comes before. */
  private static int[] leadingTime(List<String> w) {
    if (w.isEmpty() || !TIME_STARTS.contains(w.get(0))) return null;
    for (int end = 2; end < w.size() - 1; end++) {
      if (SUBJECT_STARTS.contains(w.get(end))) {
        return w.subList(0, end).stream().anyMatch(TIME_WORDS::contains) ? new int[] {0, end} : null;
      }
    }
    return null;
  }

  /** "whenever you're at home", "every time you try to pay" to the end of the clause. */
  private static int[] whenever(List<String> w) {
    for (int i = 2; i < w.size() - 1; i++) {
      boolean everyTime = (w.get(i).equals("every") || w.get(i).equals("each")) && w.get(i + 1).equals("time");
      boolean newConjunct = w.get(i - 1).equals("and") || w.get(i - 1).equals("but");
      if ((w.get(i).equals("whenever") || everyTime) && !newConjunct) return new int[] {i, w.size()};
    }
    return null;
  }

  /** A time phrase after the start of a clause: "on the third of june", "this week", "for forty minutes". */
  private static int[] innerTime(List<String> w) {
    for (int i = 2; i < w.size(); i++) {
      boolean number = Words.NUMBERS.contains(w.get(i)) && !Words.NUMBERS.contains(w.get(i - 1));
      if (!TIME_STARTS.contains(w.get(i)) && !number || NOUN_LINKS.contains(w.get(i - 1))) continue;
      int end = i + 1;
      while (end < w.size() && (isTimeWord(w.get(end)) || w.get(i).equals("during"))) end++;
      while (end > i + 1 && !w.get(i).equals("during") && !TIME_WORDS.contains(w.get(end - 1))
          && !Words.NUMBERS.contains(w.get(end - 1))) end--;
      if (end + 1 < w.size() && w.get(end).equals("or") && w.get(end + 1).equals("so")) end += 2;
      List<String> phrase = w.subList(i, end);
      boolean time = (number ? phrase.contains("ago") : phrase.stream().anyMatch(TIME_WORDS::contains))
          || w.get(i).equals("during") || Set.of("on", "since", "by", "until").contains(w.get(i)) && ordinal(w.get(end - 1));
      boolean modified = end < w.size() && (NOMINATIVES.contains(w.get(end)) || w.get(end).equals("that"));
      if (time && !modified && !embedded(w, i)) return new int[] {i, end};
    }
    return null;
  }

  /** "the first", "the fifteenth", "the twenty second": a day of the month. */
  private static boolean ordinal(String word) {
    return word.endsWith("th") || Set.of("first", "second", "third").contains(word);
  }

  private static boolean isTimeWord(String word) {
    return TIME_WORDS.contains(word) || TIME_GLUE.contains(word) || Words.NUMBERS.contains(word)
        || Set.of("on", "at", "in", "between", "this", "last", "next", "every", "all").contains(word);
  }

  private static boolean embedded(List<String> w, int at) {
    return w.subList(0, at).stream().anyMatch(EMBEDDING::contains);
  }
}
