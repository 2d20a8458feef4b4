package org.empathyivr.domain.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run of digits in a transcript, however they came: spoken one by one as the recognizer writes them ("four one one
 * one", "oh" for zero, "double five"), written ("4111 1111-1111"), or keyed ({@code [key 4]}). Its place in the text is
 * {@code start} to {@code end} (characters), so the run can be replaced and everything else left as it was.
 */
record DigitRun(int start, int end, String digits, String before, boolean writtenAsNationalId) {
  private static final Pattern TOKEN = Pattern.compile("\\[key [0-9*#]\\]|\\S+");
  private static final Pattern KEY = Pattern.compile("\\[key ([0-9])\\]");
  /** Written digits, grouped by dashes, dots or slashes as people write card and ID numbers. */
  private static final Pattern WRITTEN = Pattern.compile("[0-9]+(?:[-./][0-9]+)*");
  private static final Pattern WRITTEN_NATIONAL_ID = Pattern.compile("[0-9]{3}-[0-9]{2}-[0-9]{4}");
  private static final Map<String, Character> SPOKEN =
      Map.ofEntries(
          Map.entry("zero", '0'), Map.entry("oh", '0'), Map.entry("o", '0'), Map.entry("one", '1'),
          Map.entry("two", '2'), Map.entry("three", '3'), Map.entry("four", '4'), Map.entry("five", '5'),
          Map.entry("six", '6'), Map.entry("seven", '7'), Map.entry("eight", '8'), Map.entry("nine", '9'));
  /** Words callers say between groups of digits; inside a run they are part of it, at its edges they are not. */
  private static final List<String> JOINERS = List.of("dash", "hyphen");
  /** How many words before a run are kept as its context ("my social security number is"). */
  private static final int CONTEXT_WORDS = 6;

  /** Every run of digits in {@code text}, in order, with the few words before each. */
  static List<DigitRun> in(String text) {
    List<int[]> spans = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
      tokens.add(m.group());
    }
    List<DigitRun> runs = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      if (digitsOf(tokens, i).isEmpty()) {
        i++;
        continue;
      }
      int first = i;
      StringBuilder digits = new StringBuilder();
      boolean nationalIdShape = false;
      int last = i;
      while (i < tokens.size()) {
        String d = digitsOf(tokens, i);
        if (!d.isEmpty()) {
          digits.append(d);
          nationalIdShape |= WRITTEN_NATIONAL_ID.matcher(bare(tokens.get(i))).matches();
          last = tokens.get(i).equalsIgnoreCase("double") || tokens.get(i).equalsIgnoreCase("triple") ? i + 1 : i;
          i = last + 1;
        } else if (JOINERS.contains(bare(tokens.get(i)).toLowerCase()) && i + 1 < tokens.size()
            && !digitsOf(tokens, i + 1).isEmpty()) {
          i++;
        } else {
          break;
        }
      }
      String before = String.join(" ", tokens.subList(Math.max(0, first - CONTEXT_WORDS), first)).toLowerCase();
      runs.add(new DigitRun(spans.get(first)[0], end(text, spans.get(last)), digits.toString(), before,
          nationalIdShape));
    }
    return runs;
  }

  /** The digits token {@code i} stands for ("double five" counts as both tokens); empty when it is not a digit. */
  private static String digitsOf(List<String> tokens, int i) {
    String token = tokens.get(i);
    Matcher key = KEY.matcher(token);
    if (key.matches()) return key.group(1);
    String word = bare(token);
    if (WRITTEN.matcher(word).matches()) return word.replaceAll("[^0-9]", "");
    Character spoken = SPOKEN.get(word.toLowerCase());
    if (spoken != null) return String.valueOf(spoken);
    int times = word.equalsIgnoreCase("double") ? 2 : word.equalsIgnoreCase("triple") ? 3 : 0;
    if (times > 0 && i + 1 < tokens.size()) {
      Character repeated = SPOKEN.get(bare(tokens.get(i + 1)).toLowerCase());
      if (repeated != null) return String.valueOf(repeated).repeat(times);
    }
    return "";
  }

  /** The token without the punctuation a transcript or a typist puts around it. */
  private static String bare(String token) {
    return token.replaceAll("^[(\"'#]+|[)\"',.;:!?]+$", "");
  }

  /** Where the run ends: after its last token, less the trailing punctuation that belongs to the sentence. */
  private static int end(String text, int[] span) {
    int end = span[1];
    while (end > span[0] + 1 && ",.;:!?)\"'".indexOf(text.charAt(end - 1)) >= 0) end--;
    return end;
  }
}
