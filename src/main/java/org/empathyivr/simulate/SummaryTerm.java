package org.empathyivr.simulate;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One thing a handoff summary must (or must not) say, with the spellings that count as saying it: {@code bill~billing}
 * is found in a summary that has "bill" or "billing". Each spelling is found case-insensitively as whole words ("bill"
 * is not in "billing"; "mother" is in "mother's"), a space in it matching any run of spaces; where a spelling starts
 * or ends with a sign rather than a letter or digit ({@code [card number]}) that end is matched as written.
 */
public record SummaryTerm(List<String> spellings) {
  static final String ALTERNATIVE = "~";

  public SummaryTerm {
    spellings = List.copyOf(spellings);
    if (spellings.isEmpty()) throw new IllegalArgumentException("a term needs at least one spelling");
    for (String s : spellings) {
      if (s.isBlank()) throw new IllegalArgumentException("empty spelling in " + spellings);
    }
  }

  /** Parses {@code bill~billing}; surrounding spaces of each spelling are dropped. */
  public static SummaryTerm parse(String text) {
    return new SummaryTerm(Arrays.stream(text.split(ALTERNATIVE, -1)).map(String::strip).toList());
  }

  /** Whether the summary says this term in any of its spellings. */
  public boolean foundIn(String summary) {
    return spellings.stream().anyMatch(s -> pattern(s).matcher(summary).find());
  }

  private static Pattern pattern(String spelling) {
    String[] words = spelling.strip().split("\\s+");
    StringBuilder regex = new StringBuilder();
    if (isWordChar(spelling.strip().charAt(0))) regex.append("(?<![\\p{L}\\p{N}])");
    for (int i = 0; i < words.length; i++) regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
    if (isWordChar(spelling.strip().charAt(spelling.strip().length() - 1))) regex.append("(?![\\p{L}\\p{N}])");
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  @Override
  public String toString() {
    return String.join(ALTERNATIVE, spellings);
  }
}
