package org.empathyivr.config;

import java.util.Collection;
import java.util.Optional;

/** The known key an unknown one was probably meant to be: a typo, a swapped '-' and '_', a dropped letter. */
final class KeySuggestion {
  /** More edits than this, and the key is something else rather than a typo. */
  private static final int MAX_EDITS = 3;

  private KeySuggestion() {}

  /** The known key fewest edits away (case and '_' for '-' count as no edit), if it is close enough. */
  static Optional<String> nearest(String unknown, Collection<String> known) {
    String normalized = normalize(unknown);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String key : known) {
      int distance = distance(normalized, normalize(key));
      if (distance < bestDistance) {
        best = key;
        bestDistance = distance;
      }
    }
    int allowed = Math.min(MAX_EDITS, Math.max(1, normalized.length() / 4));
    return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
  }

  private static String normalize(String key) {
    return key.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** Levenshtein distance with adjacent transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
