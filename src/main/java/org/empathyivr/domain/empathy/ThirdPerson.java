package org.empathyivr.domain.empathy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Puts back the "s" the recognizer often drops from a verb after a singular subject: "my internet keep dropping" →
 * "my internet keeps dropping", "the router don't work" → "the router doesn't work". A singular subject is "he",
 * "she", "it", "this" or "that" starting a clause, or a determiner with a noun that does not end in "s". Plural
 * subjects ("my kids keep"), "I", "you", "we", "they", verbs after a modal ("it will keep") and infinitives ("to
 * keep") are left alone, and so is any verb not in a list of common ones, so a noun is never taken for a verb.
 */
final class ThirdPerson {
  private static final Set<String> VERBS =
      Set.of("keep", "drop", "stop", "work", "say", "show", "take", "need", "go", "freeze", "charge", "come", "cut",
          "ring", "make", "look", "seem", "want", "let", "give", "crash", "turn", "fail", "break", "have", "do",
          "don't", "run", "restart", "reset", "disconnect", "connect", "load", "open", "close", "switch", "beep",
          "flash", "blink", "buffer", "lag", "cost", "send", "tell", "use", "try", "carry", "get", "play", "start",
          "happen", "die", "shut", "lose", "mean", "sound", "think", "know", "hate", "call", "pay", "owe", "text",
          "flicker", "hang", "reboot", "update", "display", "read", "drain", "overheat", "reply", "ask", "refuse",
          "buzz", "vibrate", "jump", "skip", "glitch", "cancel", "end", "belong", "live", "put", "leave", "sit",
          "rain", "snow");
  private static final Set<String> DETERMINERS =
      Set.of("my", "your", "our", "his", "her", "their", "its", "the", "this", "that", "a", "an");
  private static final Set<String> PRONOUNS = Set.of("he", "she", "it", "this", "that");
  /** Where a clause starts: "this" and "that" are subjects only here, not in "the lights that keep flashing". */
  private static final Set<String> CLAUSE_STARTS =
      Set.of("", "and", "but", "so", "because", "cause", "when", "whenever", "if", "then", "now", "until", "since",
          "as", "though", "although", "while", "before", "after", "why", "how", "where", "says", "said", "think",
          "thinks", "know", "once", "also", "off", "out", "up", "anymore", "again");
  /** Before a subject, these make the verb bare on purpose: "did my payment go", "make the router work". */
  private static final Set<String> BARE_AFTER =
      Set.of("do", "does", "did", "don't", "doesn't", "didn't", "can", "could", "will", "would", "should", "may",
          "might", "must", "can't", "won't", "couldn't", "wouldn't", "shouldn't", "make", "makes", "made", "let",
          "lets", "help", "helps", "have", "has", "had", "see", "saw", "watch", "hear", "heard", "to");
  private static final Set<String> ADVERBS =
      Set.of("always", "still", "never", "often", "sometimes", "constantly", "randomly", "also", "only", "usually",
          "even", "now", "suddenly");
  private static final Set<String> PLURALS = Set.of("people", "children", "men", "women", "police", "staff", "guys");
  /** A noun after one of these is not the subject: "the channels on my tv keep". */
  private static final Set<String> INSIDE =
      Set.of("on", "in", "of", "at", "for", "with", "from", "by", "about", "under", "behind", "near", "without");
  private static final Set<String> SINGULARS_IN_S =
      Set.of("bus", "gas", "news", "status", "series", "lens", "bonus", "virus", "campus", "this");
  private static final Set<String> NOT_IN_A_NOUN_PHRASE =
      Set.of("and", "or", "i", "you", "we", "they", "he", "she", "it", "me", "him", "us", "them", "both", "all",
          "each", "is", "was", "are", "were", "to", "of", "in",
          "on", "at", "for", "with", "from", "that", "which", "who", "not", "no", "be", "been");
  /** Verbs that are also nouns: "charge" is one in "the late charge on my bill" or "the charge is wrong". */
  private static final Set<String> NOUNS_TOO =
      Set.of("charge", "call", "text", "update", "display", "cut", "end", "play", "show", "reset", "drop", "break",
          "work", "look", "run", "use", "start", "pay", "skip", "jump", "hang", "sound", "crash", "flash", "buzz");
  private static final Set<String> AFTER_A_NOUN =
      Set.of("of", "on", "for", "from", "is", "was", "isn't", "wasn't", "has", "hasn't", "had", "will", "won't",
          "can", "can't", "would", "should", "keeps", "kept", "says", "said", "doesn't", "didn't", "and", "or");
  private static final int MAX_NOUN_PHRASE_WORDS = 4;

  private ThirdPerson() {}

  /** {@code words} with a bare verb after a singular subject in its third-person form. */
  static List<String> agree(List<String> words) {
    List<String> out = new ArrayList<>(words);
    for (int i = 1; i < out.size(); i++) {
      String verb = out.get(i);
      if (!VERBS.contains(verb)) continue;
      int subjectEnd = i;
      if (ADVERBS.contains(out.get(i - 1))) subjectEnd = i - 1;
      String next = i + 1 < out.size() ? out.get(i + 1) : "";
      if (NOUNS_TOO.contains(verb) && AFTER_A_NOUN.contains(next)) continue; // "the phone charge on my bill"
      if (subjectEnd >= 1 && singularSubjectEndsAt(out, subjectEnd)) out.set(i, of(verb));
    }
    return out;
  }

  /** The third-person singular of a bare verb: "keep" → "keeps", "go" → "goes", "try" → "tries". */
  static String of(String verb) {
    if (verb.equals("have")) return "has";
    if (verb.equals("don't")) return "doesn't";
    if (verb.matches(".*(s|sh|ch|x|z|o)")) return verb + "es";
    if (verb.matches(".*[^aeiou]y")) return verb.substring(0, verb.length() - 1) + "ies";
    return verb + "s";
  }

  /** Whether the words just before {@code end} are a singular subject. */
  private static boolean singularSubjectEndsAt(List<String> w, int end) {
    String last = w.get(end - 1);
    String before = end >= 2 ? w.get(end - 2) : "";
    if (PRONOUNS.contains(last)) {
      boolean demonstrative = last.equals("this") || last.equals("that");
      boolean clauseStart = CLAUSE_STARTS.contains(before) || Words.isFact(before);
      return demonstrative || last.equals("it") ? clauseStart : !BARE_AFTER.contains(before);
    }
    if (!isSingularNoun(last)) return false;
    for (int start = end - 2; start >= 0 && start >= end - MAX_NOUN_PHRASE_WORDS; start--) {
      String word = w.get(start);
      if (DETERMINERS.contains(word)) {
        if ((word.equals("a") || word.equals("an")) && NOUNS_TOO.contains(w.get(end))) return false; // "a reset"
        String outside = start == 0 ? "" : w.get(start - 1);
        return !BARE_AFTER.contains(outside) && !joinsNounPhrases(w, start - 1) && !INSIDE.contains(outside);
      }
      if (!isNounPhraseWord(word)) return false;
    }
    return false;
  }

  /** Whether the "and" or "or" at {@code at} joins two subjects ("my phone and my laptop"), not two clauses. */
  private static boolean joinsNounPhrases(List<String> w, int at) {
    if (at < 1 || !w.get(at).equals("and") && !w.get(at).equals("or")) return false;
    if (Set.of("me", "i", "you", "him", "her", "us", "them").contains(w.get(at - 1))) return true;
    for (int i = at - 1; i >= 0 && i >= at - MAX_NOUN_PHRASE_WORDS; i--) {
      if (DETERMINERS.contains(w.get(i))) return i < at - 1;
      if (!isNounPhraseWord(w.get(i))) return false;
    }
    return false;
  }

  private static boolean isSingularNoun(String word) {
    if (PLURALS.contains(word) || DETERMINERS.contains(word) || !isNounPhraseWord(word)) return false;
    if (Words.NUMBERS.contains(word)) return false;
    return !word.endsWith("s") || word.endsWith("ss") || word.endsWith("'s") || SINGULARS_IN_S.contains(word);
  }

  private static boolean isNounPhraseWord(String word) {
    return !NOT_IN_A_NOUN_PHRASE.contains(word) && !VERBS.contains(word) && !BARE_AFTER.contains(word)
        && !ADVERBS.contains(word) && !word.endsWith("n't");
  }
}
