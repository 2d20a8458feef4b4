package org.empathyivr.domain.empathy;

import java.util.List;
import java.util.Map;

/**
 * How much of the caller's own wording a reflection repeats: the longest run of the caller's words said back
 * consecutively and in the same order. The words the reflection turns around count as the same word, so that "i
 * was charged" and "you were charged" are a run of three: the persons (I, you, we, me, us), their possessives and
 * contractions, "am"/"are", "was"/"were", and a verb with or without its third-person "s" ("keep"/"keeps"). A number
 * counts as one word however many words it is said in ("forty five", a card number read digit by digit): it is a
 * fact to say back exactly, not wording to put another way.
 */
final class CopiedRun {
  private static final Map<String, String> SAME =
      Map.ofEntries(
          Map.entry("you", "i"), Map.entry("me", "i"), Map.entry("we", "i"), Map.entry("us", "i"),
          Map.entry("your", "my"), Map.entry("our", "my"), Map.entry("yours", "mine"), Map.entry("ours", "mine"),
          Map.entry("yourself", "myself"), Map.entry("ourselves", "myself"), Map.entry("yourselves", "myself"),
          Map.entry("you're", "i'm"), Map.entry("we're", "i'm"), Map.entry("im", "i'm"), Map.entry("you've", "i've"),
          Map.entry("we've", "i've"), Map.entry("you'd", "i'd"), Map.entry("we'd", "i'd"), Map.entry("you'll", "i'll"),
          Map.entry("we'll", "i'll"), Map.entry("are", "am"), Map.entry("were", "was"), Map.entry("weren't", "wasn't"));

  private CopiedRun() {}

  /** The length of the longest run of {@code caller} words that {@code said} repeats in a row. */
  static int longest(List<String> caller, List<String> said) {
    int[][][] runs = runs(caller, said);
    int longest = 0;
    for (int[][] row : runs) for (int[] run : row) longest = Math.max(longest, run[0]);
    return longest;
  }

  /** Which words of {@code said} belong to a run of more than {@code max} copied caller words. */
  static boolean[] within(List<String> caller, List<String> said, int max) {
    int[][][] runs = runs(caller, said);
    boolean[] copied = new boolean[said.size()];
    for (int i = 1; i <= caller.size(); i++) {
      for (int j = 1; j <= said.size(); j++) {
        if (runs[i][j][0] > max) for (int k = j - runs[i][j][1]; k < j; k++) copied[k] = true;
      }
    }
    return copied;
  }

  /**
   * runs[i][j]: the run of copied words ending at caller word i and said word j, as {words counted, words spanned}.
   */
  private static int[][][] runs(List<String> caller, List<String> said) {
    int[][][] runs = new int[caller.size() + 1][said.size() + 1][2];
    for (int i = 1; i <= caller.size(); i++) {
      for (int j = 1; j <= said.size(); j++) {
        if (!same(caller.get(i - 1), said.get(j - 1))) continue;
        int[] before = runs[i - 1][j - 1];
        boolean moreOfANumber = before[1] > 0 && number(said.get(j - 1)) && number(said.get(j - 2));
        runs[i][j] = new int[] {before[0] + (moreOfANumber ? 0 : 1), before[1] + 1};
      }
    }
    return runs;
  }

  private static boolean number(String word) {
    return Words.NUMBERS.contains(word) || word.equals("oh") || word.matches(".*[0-9].*");
  }

  private static boolean same(String caller, String said) {
    String a = SAME.getOrDefault(caller, caller);
    String b = SAME.getOrDefault(said, said);
    return a.equals(b) || ThirdPerson.of(a).equals(b) || ThirdPerson.of(b).equals(a);
  }
}
