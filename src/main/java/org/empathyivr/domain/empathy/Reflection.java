package org.empathyivr.domain.empathy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Says the caller's issue back in the assistant's words: second person ("my router" becomes "your router", "I was
 * charged" becomes "you were charged"), without fillers, lead-ins and pleasantries, and short.
 *
 * <p>Works on recognizer output: lower-case words, no punctuation. Stateless and thread-safe.
 */
public final class Reflection {
  /** Longer reflections are cut at a clause boundary: callers should hear a summary, not a recital. */
  public static final int MAX_WORDS = 20;

  private static final Set<String> FILLERS =
      Set.of("um", "uh", "er", "erm", "ah", "hmm", "mm", "basically", "actually", "literally", "please");
  private static final Set<String> OPENERS =
      Set.of("hi", "hello", "hey", "yes", "yeah", "okay", "ok", "well", "so", "oh", "right", "good", "morning",
          "afternoon", "evening", "thanks", "thank");
  private static final List<List<String>> LEAD_INS =
      phrases(
          "the reason i'm calling is that", "the reason i'm calling is", "the reason i am calling is",
          "i'm calling because", "i am calling because", "i'm calling about", "i am calling about",
          "i'm calling regarding", "i'm calling to say that", "i'm calling to say", "i just wanted to say that",
          "i wanted to let you know that", "i'm ringing because", "i'm ringing about", "i have a problem where",
          "i've got a problem where", "the problem is that", "the problem is", "the issue is that", "the issue is",
          "it's that", "it's just that");
  private static final List<List<String>> HELP_REQUESTS =
      phrases(
          "can you help me with", "could you help me with", "can you please help me with", "would you help me with",
          "i need help with", "i need some help with", "i'd like help with", "i want help with", "help me with",
          "can you help me", "could you help me");
  private static final Map<String, String> SECOND_PERSON =
      Map.ofEntries(
          Map.entry("i", "you"),
          Map.entry("me", "you"),
          Map.entry("my", "your"),
          Map.entry("mine", "yours"),
          Map.entry("myself", "yourself"),
          Map.entry("we", "you"),
          Map.entry("us", "you"),
          Map.entry("our", "your"),
          Map.entry("ours", "yours"),
          Map.entry("ourselves", "yourselves"),
          Map.entry("i'm", "you're"),
          Map.entry("i've", "you've"),
          Map.entry("i'd", "you'd"),
          Map.entry("i'll", "you'll"),
          Map.entry("we're", "you're"),
          Map.entry("we've", "you've"),
          Map.entry("we'd", "you'd"),
          Map.entry("we'll", "you'll"),
          Map.entry("your", "our"),
          Map.entry("yours", "ours"),
          Map.entry("you're", "we're"),
          Map.entry("you've", "we've"));
  /** First words that start a clause of their own; anything else is a topic ("internet problems"). */
  private static final Set<String> CLAUSE_STARTS =
      Set.of("you", "your", "you're", "you've", "you'd", "you'll", "the", "it", "it's", "its", "there", "there's",
          "this", "that", "these", "those", "we", "our", "they", "their", "someone", "somebody", "nothing",
          "everything", "all", "every", "none", "a", "an", "he", "she", "his", "her", "some", "no", "my");
  private static final Set<String> CLAUSE_JOINS = Set.of("and", "but", "because", "so", "then", "when", "which");
  private static final Set<String> SUBJECT_CONTEXT = Set.of("and", "but", "because", "that", "when", "if", "so");

  private Reflection() {}

  /**
   * The reflection of an utterance, or empty when nothing of substance is left (only fillers or greetings).
   *
   * @param utterance recognizer text, lower case
   */
  public static Optional<String> of(String utterance) {
    List<String> words = new ArrayList<>(Arrays.asList(utterance.toLowerCase().trim().split("\\s+")));
    words.removeIf(w -> w.isEmpty() || FILLERS.contains(w));
    removeYouKnow(words);
    while (!words.isEmpty() && OPENERS.contains(words.get(0))) words.remove(0);
    if (words.isEmpty()) return Optional.empty();

    boolean helpRequest = stripPrefix(words, HELP_REQUESTS);
    if (!helpRequest) stripPrefix(words, LEAD_INS);
    if (words.isEmpty()) return Optional.empty();

    List<String> reflected = toSecondPerson(words);
    reflected = shorten(reflected);
    String text = String.join(" ", reflected);
    if (helpRequest) return Optional.of("you'd like help with " + text);
    if (CLAUSE_STARTS.contains(reflected.get(0))) return Optional.of(text);
    return Optional.of("you're calling about " + text);
  }

  private static void removeYouKnow(List<String> words) {
    for (int i = 0; i + 1 < words.size(); i++) {
      boolean clauseEnd = i + 2 == words.size() || CLAUSE_JOINS.contains(words.get(i + 2)) || i == 0;
      if (words.get(i).equals("you") && words.get(i + 1).equals("know") && clauseEnd) {
        words.subList(i, i + 2).clear();
        i--;
      }
    }
  }

  private static boolean stripPrefix(List<String> words, List<List<String>> prefixes) {
    for (List<String> prefix : prefixes) {
      if (words.size() >= prefix.size() && words.subList(0, prefix.size()).equals(prefix)) {
        words.subList(0, prefix.size()).clear();
        return true;
      }
    }
    return false;
  }

  private static List<String> toSecondPerson(List<String> words) {
    List<String> out = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String previous = i == 0 ? "" : words.get(i - 1);
      if (word.equals("you")) {
        // The caller speaking of the company: "you sent me" becomes "we sent you", "I called you" "you called us".
        out.add(i == 0 || SUBJECT_CONTEXT.contains(previous) ? "we" : "us");
      } else if (previous.equals("i") && word.equals("am")) {
        out.add("are");
      } else if (previous.equals("i") && word.equals("was")) {
        out.add("were");
      } else {
        out.add(SECOND_PERSON.getOrDefault(word, word));
      }
    }
    return out;
  }

  /** A long utterance is cut to its first clause: callers lead with the main complaint. */
  private static List<String> shorten(List<String> words) {
    if (words.size() <= MAX_WORDS) return words;
    int cut = MAX_WORDS;
    for (int i = 3; i < MAX_WORDS; i++) {
      if (CLAUSE_JOINS.contains(words.get(i))) {
        cut = i;
        break;
      }
    }
    List<String> shortened = new ArrayList<>(words.subList(0, cut));
    while (shortened.size() > 1 && CLAUSE_JOINS.contains(shortened.get(shortened.size() - 1))) {
      shortened.remove(shortened.size() - 1);
    }
    return shortened;
  }

  private static List<List<String>> phrases(String... phrases) {
    return Arrays.stream(phrases).map(p -> List.of(p.split(" "))).toList();
  }
}
