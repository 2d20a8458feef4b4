package org.empathyivr.domain.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The caller's story as the summary line tells it, within a length: the issue in quotes, or, when the caller said
 * more than one thing that carries content and none was confirmed, each statement in order ({@code said: "my bill is
 * wrong"; then: "this is the third time"}). Too long, the older statements are shortened to their first words, then
 * the ones between the first and the latest are left out, then the longest is cut at a word: every statement keeps
 * its quotes.
 */
final class Story {
  private static final String ELLIPSIS = "\u2026";
  /** An older statement shortened keeps this many words: enough for the agent to know what it was about. */
  private static final int SHORTENED_WORDS = 6;

  private Story() {}

  static String of(Optional<String> issue, List<String> said, int maxChars) {
    if (said.size() < 2) {
      return cut(issue.or(() -> said.stream().findFirst()).map(i -> "\"" + i + "\"").orElse("no issue heard"),
          maxChars);
    }
    List<String> statements = new ArrayList<>(said);
    String told = told(statements);
    for (int i = 0; i < statements.size() - 1 && told.length() > maxChars; i++) {
      statements.set(i, firstWords(statements.get(i)));
      told = told(statements);
    }
    while (told.length() > maxChars && statements.size() > 2
        && !(statements.size() == 3 && statements.get(1).equals(ELLIPSIS))) {
      int oldestBetween = statements.get(1).equals(ELLIPSIS) ? 2 : 1;
      statements.remove(oldestBetween);
      if (oldestBetween == 1) statements.add(1, ELLIPSIS);
      told = told(statements);
    }
    while (told.length() > maxChars && shortenLongest(statements)) told = told(statements);
    return cut(told, maxChars);
  }

  /** Takes the last word off the longest statement, keeping its quotes whole; false when none has words to spare. */
  private static boolean shortenLongest(List<String> statements) {
    int longest = -1;
    for (int i = 0; i < statements.size(); i++) {
      if (longest < 0 || statements.get(i).length() > statements.get(longest).length()) longest = i;
    }
    String[] words = statements.get(longest).replace(ELLIPSIS, "").split(" ");
    if (words.length <= 2) return false;
    statements.set(longest, String.join(" ", Arrays.asList(words).subList(0, words.length - 1)) + ELLIPSIS);
    return true;
  }

  /** {@code text} cut at a word to at most {@code maxChars}, ending in an ellipsis when cut; empty when nothing fits. */
  static String cut(String text, int maxChars) {
    if (text.length() <= maxChars) return text;
    if (maxChars < 2) return "";
    int end = text.lastIndexOf(' ', maxChars - 1);
    return (end > 0 ? text.substring(0, end) : text.substring(0, maxChars - 1)) + ELLIPSIS;
  }

  private static String told(List<String> statements) {
    StringBuilder out = new StringBuilder("said: ");
    for (int i = 0; i < statements.size(); i++) {
      if (i > 0) out.append("; then: ");
      String s = statements.get(i);
      out.append(s.equals(ELLIPSIS) ? s : "\"" + s + "\"");
    }
    return out.toString();
  }

  private static String firstWords(String statement) {
    String[] words = statement.split(" ");
    if (words.length <= SHORTENED_WORDS) return statement;
    return String.join(" ", Arrays.asList(words).subList(0, SHORTENED_WORDS)) + ELLIPSIS;
  }
}
