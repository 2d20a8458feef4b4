package org.empathyivr.domain.empathy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the caller's words around: the caller becomes "you" ("I was charged" → "you were charged", "myself" →
 * "yourself") and the company the caller spoke to as "you" becomes "we" or "us" ("you sent me" → "we sent you").
 */
final class SecondPerson {
  private static final Map<String, String> CALLER =
      Map.ofEntries(
          Map.entry("i", "you"), Map.entry("me", "you"), Map.entry("my", "your"), Map.entry("mine", "yours"),
          Map.entry("myself", "yourself"), Map.entry("we", "you"), Map.entry("us", "you"), Map.entry("our", "your"),
          Map.entry("ours", "yours"), Map.entry("ourselves", "yourselves"), Map.entry("i'm", "you're"),
          Map.entry("im", "you're"), Map.entry("i've", "you've"), Map.entry("i'd", "you'd"),
          Map.entry("i'll", "you'll"), Map.entry("we're", "you're"), Map.entry("we've", "you've"),
          Map.entry("we'd", "you'd"), Map.entry("we'll", "you'll"));
  private static final Map<String, String> COMPANY =
      Map.of("your", "our", "yours", "ours", "you're", "we're", "you've", "we've", "you'd", "we'd", "you'll",
          "we'll", "yourself", "ourselves", "yourselves", "ourselves", "y'all", "we");
  /** After "I" (or "we" as the caller), the verb agrees with "you": "I was" → "you were". */
  private static final Map<String, String> AGREE = Map.of("am", "are", "was", "were", "wasn't", "weren't");
  /** Words before a "you" that is the subject of what follows. */
  private static final Set<String> SUBJECT_CONTEXT =
      Set.of("and", "but", "because", "cause", "that", "when", "if", "so", "then", "why", "how", "what", "where",
          "did", "do", "does", "can", "could", "would", "will", "have", "has", "should", "said", "told", "since",
          "until", "after", "before", "whether", "unless", "though", "although", "now", "think", "thought");
  /** Words after a "you" that show it is a subject: "you sent", "you guys never". */
  private static final Set<String> VERBS_AFTER_SUBJECT =
      Set.of("are", "were", "have", "had", "can", "could", "will", "would", "should", "did", "do", "don't",
          "didn't", "keep", "kept", "said", "told", "sent", "promised", "never", "always", "just", "still", "put",
          "gave", "took", "cut", "won't", "can't", "haven't", "hasn't", "shouldn't", "say", "guys", "people", "lot",
          "lost", "need", "owe", "charge", "send", "made", "make", "messed", "switched", "turned", "closed");
  private static final Set<String> YOU_PLURALS = Set.of("guys", "people", "lot", "all");

  private SecondPerson() {}

  static List<String> of(List<String> words) {
    List<String> out = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String previous = i == 0 ? "" : words.get(i - 1);
      String next = i + 1 < words.size() ? words.get(i + 1) : "";
      if ((previous.equals("i") || previous.equals("we")) && AGREE.containsKey(word)) {
        out.add(AGREE.get(word));
      } else if (word.equals("you")) {
        boolean subject = i == 0 || SUBJECT_CONTEXT.contains(previous) || VERBS_AFTER_SUBJECT.contains(next)
            || next.endsWith("ed");
        out.add(subject ? "we" : "us");
        if (YOU_PLURALS.contains(next) && !next.equals("all")) i++; // "you guys" is the company: "we"
      } else if (CALLER.containsKey(word)) {
        out.add(CALLER.get(word));
      } else if (COMPANY.containsKey(word)) {
        out.add(COMPANY.get(word));
      } else {
        out.add(word);
      }
    }
    return out;
  }
}
