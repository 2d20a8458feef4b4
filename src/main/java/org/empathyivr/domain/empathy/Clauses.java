package org.empathyivr.domain.empathy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cleans recognizer text of what a listener would not repeat (fillers, greetings, pleasantries, "the reason I'm
 * calling is") and cuts it into clauses. Recognizer text has no punctuation, so clauses are found at conjunctions
 * and where a new subject starts a run-on sentence ("this is ridiculous I've been waiting three weeks").
 */
final class Clauses {
  /** A clause and the word that joined it to the one before ("" for the first or a run-on). */
  record Clause(String joiner, List<String> words) {}

  private static final Set<String> FILLERS =
      Set.of("um", "uh", "er", "erm", "ah", "uhm", "hmm", "mm", "mhm", "basically", "actually", "literally",
          "honestly", "seriously", "totally", "just", "really", "damn", "bloody", "freaking", "frigging", "friggin",
          "stupid", "please", "oh", "anyway", "anyways", "whatever", "kinda");
  private static final List<List<String>> FILLER_PHRASES =
      Words.phrases("you know what i mean", "if that makes sense", "at the end of the day", "long story short",
          "to be honest", "hi there", "hello there", "hey there", "or whatever", "or something", "or anything", "and stuff", "and everything",
          "and all that", "like i said", "as i said", "i mean", "kind of", "sort of", "you see", "so yeah",
          "i guess", "to be fair");
  /** "like" is a filler except in "I'd like", "looks like", "feels like", "something like". */
  private static final Set<String> BEFORE_MEANT_LIKE =
      Set.of("would", "i'd", "you'd", "we'd", "looks", "look", "looked", "seems", "seem", "feel", "feels", "felt",
          "sounds", "something", "anything", "don't", "didn't", "doesn't", "not", "nothing", "more", "just");
  private static final Set<String> OPENERS =
      Set.of("hi", "hello", "hey", "hiya", "yes", "yeah", "yep", "okay", "ok", "well", "so", "right", "alright",
          "listen", "look", "sorry", "and", "but", "also", "then", "now");
  private static final List<List<String>> PLEASANTRIES =
      Words.phrases("thank you for taking my call", "thanks for taking my call", "thank you so much",
          "thank you", "thanks", "good morning", "good afternoon", "good evening", "how are you doing today",
          "how are you doing", "how are you today", "how are you", "i hope you're doing well", "i hope you're well",
          "hope you're doing well", "hope you're well", "sorry to bother you", "i'm fine", "i'm good",
          "i really hope you can help me", "i hope you can help me", "hopefully you can help me",
          "i hope you can help", "hopefully you can help", "i appreciate it", "i appreciate your help");
  private static final List<List<String>> LEAD_INS =
      Words.phrases("the reason i'm calling today is that", "the reason i'm calling today is",
          "the reason i'm calling is that", "the reason i'm calling is", "the reason i am calling is",
          "the reason for my call is that", "the reason for my call is", "i'm calling to let you know that",
          "i'm calling to let you know", "i'm calling to say that", "i'm calling to say", "i'm calling because",
          "i am calling because", "i just wanted to let you know that", "i wanted to let you know that",
          "i wanted to let you know", "i wanted to say that", "i wanted to say", "i want to say that",
          "the problem is that", "the problem is", "the issue is that", "the issue is", "my problem is that",
          "my problem is", "my issue is that", "my issue is", "the thing is that", "the thing is",
          "what happened is that", "what happened is", "what happened was that", "what happened was",
          "what's happening is", "what's going on is", "it's just that", "it's that", "i have a problem where",
          "i've got a problem where", "i have an issue where", "i'm having a problem where",
          "i'm having an issue where");
  /** Clauses that are only the act of calling, or the caller's own name. */
  private static final List<List<String>> EMPTY_CLAUSES =
      Words.phrases("i'm calling", "i am calling", "i'm ringing", "i'm calling you", "i'm calling today",
          "i'm calling you today", "i called", "i'm phoning");
  private static final List<List<String>> INTRODUCTIONS = Words.phrases("my name is", "my name's", "this is");
  private static final Set<String> ALWAYS_SPLIT =
      Set.of("but", "because", "cause", "although", "though", "however", "otherwise", "except");
  private static final Set<String> SPLIT_BEFORE_SUBJECT = Set.of("and", "so", "then", "also", "plus", "which", "now");
  /** A new subject after one of these belongs to the clause it is in ("I think it's broken"). */
  private static final Set<String> NO_RUN_ON_AFTER =
      Set.of("and", "but", "that", "because", "cause", "if", "when", "so", "what", "where", "how", "why", "which",
          "who", "think", "know", "said", "thought", "hope", "guess", "mean", "then", "until", "before", "after",
          "since", "while", "as", "like", "whether", "or", "now", "tell", "told", "realized", "noticed", "found",
          "see", "saw", "heard", "wonder", "wondering", "sure", "afraid", "feel", "believe", "unless", "once",
          "than", "says", "say", "is", "was", "are", "were", "be", "to", "not", "do", "does", "did", "can", "could",
          "would", "will", "should", "have", "has", "had", "am", "may", "might", "must", "whenever", "wherever",
          "time", "let", "make", "made", "much", "many", "long", "often");
  private static final Set<String> RUN_ON_STARTS =
      Set.of("i", "i'm", "i've", "i'd", "i'll", "it's", "there's", "that's", "they", "they're", "they've", "she",
          "he", "she's", "he's", "we're", "we've", "somebody", "someone", "nobody");
  /** After one of these, "my" starts a new clause: "I'm so frustrated my router ...". */
  private static final Set<String> CLAUSE_ENDS =
      Set.of("anymore", "again", "already", "though", "company", "guys", "people", "service", "ridiculous",
          "frustrated", "upset", "annoyed", "worried", "joke", "angry", "furious", "enough", "unacceptable");
  /** A new subject right after a noun phrase is a relative clause: "the letter I got", "two phones I ordered". */
  private static final Set<String> NOUN_PHRASE_STARTS =
      Set.of("a", "an", "the", "this", "that", "any", "some", "every", "each", "two", "three",
          "four", "five", "six", "worst", "last", "first", "only");
  private static final Set<String> RELATIVE = Set.of("never", "didn't", "hadn't", "haven't");
  private static final Set<String> LINKING_VERBS =
      Set.of("is", "was", "are", "were", "has", "have", "had", "keeps", "went", "got", "been");
  private static final Set<String> AFTER_SUBJECT_IT =
      Set.of("is", "was", "has", "keeps", "kept", "says", "said", "started", "stopped", "won't", "doesn't", "didn't",
          "still", "never", "always", "wasn't", "isn't", "hasn't", "went", "takes", "goes", "just", "can't", "comes",
          "drops", "cuts", "shows", "will", "would", "turns", "freezes", "crashes", "stops", "only", "works",
          "worked", "seems", "costs");

  private Clauses() {}

  static List<Clause> of(String utterance) {
    List<String> words = ThirdPerson.agree(clean(Words.of(utterance))); // before "and" splits "my tv and my box"
    List<Clause> clauses = new ArrayList<>();
    List<String> current = new ArrayList<>();
    String joiner = "";
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String next = i + 1 < words.size() ? words.get(i + 1) : "";
      String previous = i == 0 ? "" : words.get(i - 1);
      String split = null;
      if (ALWAYS_SPLIT.contains(word)) {
        split = word;
      } else if (SPLIT_BEFORE_SUBJECT.contains(word) && Words.SUBJECTS.contains(next)) {
        split = word;
      } else if (current.size() >= 2 && !NO_RUN_ON_AFTER.contains(previous) && startsRunOn(word, next)
          && !afterNounPhrase(words, i)) {
        split = "";
      } else if (current.size() >= 2 && (word.equals("my") || word.equals("our")) && (CLAUSE_ENDS.contains(previous)
          || previous.equals("all") && words.get(i - 2).equals("at"))) {
        split = "";
      }
      if (split != null && current.size() < 2 && !split.isEmpty()) split = null; // "me and my wife"
      if (split == null) {
        current.add(word);
        continue;
      }
      add(clauses, joiner, current);
      current = new ArrayList<>();
      joiner = split;
      if (!split.isEmpty()) {
        // "and then I", "but now it": the second joiner word goes with the first.
        while (i + 2 < words.size() && Set.of("then", "now", "so", "also").contains(words.get(i + 1))
            && Words.SUBJECTS.contains(words.get(i + 2))) {
          i++;
        }
      } else {
        current.add(word);
      }
    }
    add(clauses, joiner, current);
    return clauses;
  }

  private static boolean afterNounPhrase(List<String> words, int at) {
    boolean when = Words.FACT_WORDS.contains(words.get(at - 1)) && !Set.of("the", "a").contains(words.get(at - 2));
    if (when) return false; // "this month I didn't change anything", but "the days I had no service"
    if (Words.NOUNS.contains(words.get(at - 1)) && at + 1 < words.size() && RELATIVE.contains(words.get(at + 1))) {
      return true; // "calls she never made"
    }
    for (int back = 2; back <= 3 && at - back >= 0; back++) {
      if (LINKING_VERBS.contains(words.get(at - back + 1))) return false;
      if (NOUN_PHRASE_STARTS.contains(words.get(at - back))) return true;
    }
    return false;
  }

  private static boolean startsRunOn(String word, String next) {
    if (RUN_ON_STARTS.contains(word)) return true;
    if (word.equals("this") || word.equals("that")) return next.equals("is") || next.equals("has");
    return word.equals("it") && AFTER_SUBJECT_IT.contains(next);
  }

  private static void add(List<Clause> clauses, String joiner, List<String> words) {
    List<String> clause = new ArrayList<>(words);
    boolean changed = true;
    while (changed && !clause.isEmpty()) {
      changed = false;
      while (!clause.isEmpty() && OPENERS.contains(clause.get(0))) {
        clause.remove(0);
        changed = true;
      }
      changed |= strip(clause, PLEASANTRIES) | strip(clause, LEAD_INS);
    }
    if (clause.isEmpty() || EMPTY_CLAUSES.contains(clause) || PLEASANTRIES.contains(clause)) return;
    for (List<String> intro : INTRODUCTIONS) {
      boolean plain = clause.stream().noneMatch(Words::isProblem) && Feeling.shownIn(String.join(" ", clause)).isEmpty();
      if (Words.startsWith(clause, intro) && clause.size() <= intro.size() + 2 && plain) return; // "my name is john"
    }
    clauses.add(new Clause(joiner, List.copyOf(clause)));
  }

  private static boolean strip(List<String> clause, List<List<String>> prefixes) {
    for (List<String> prefix : prefixes) {
      if (Words.startsWith(clause, prefix)) {
        clause.subList(0, prefix.size()).clear();
        return true;
      }
    }
    return false;
  }

  private static List<String> clean(List<String> words) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      List<String> rest = words.subList(i, words.size());
      List<String> phrase = FILLER_PHRASES.stream().filter(p -> Words.startsWith(rest, p)).findFirst().orElse(null);
      if (phrase != null) {
        i += phrase.size() - 1;
        continue;
      }
      if (word.equals("you") && i + 1 < words.size() && words.get(i + 1).equals("know") && youKnowIsFiller(words, i)) {
        i++;
        continue;
      }
      String previous = out.isEmpty() ? "" : out.get(out.size() - 1);
      // Digits read out one by one ("one one two", an account or card number) repeat on purpose: they are facts.
      boolean digit = Words.NUMBERS.contains(word) || word.equals("oh") || word.matches(".*[0-9].*");
      if (FILLERS.contains(word)
          || word.equals(previous) && !digit && !word.equals("that") && !word.equals("had")) continue;
      if (!digit && out.size() >= 2 && i + 1 < words.size() && word.equals(out.get(out.size() - 2))
          && words.get(i + 1).equals(previous)) {
        i++; // "the internet the internet": a restart, not a repetition
        continue;
      }
      if (word.equals("like") && !BEFORE_MEANT_LIKE.contains(previous)) continue;
      out.add(word);
    }
    return out;
  }

  /** "you know" is a filler at the start or end of a clause, not in "you know my account number". */
  private static boolean youKnowIsFiller(List<String> words, int at) {
    if (at > 0 && words.get(at - 1).equals("let")) return false;
    if (at == 0 || at + 2 == words.size()) return true;
    String after = words.get(at + 2);
    return ALWAYS_SPLIT.contains(after) || SPLIT_BEFORE_SUBJECT.contains(after) || Words.SUBJECTS.contains(after)
        || Set.of("like", "um", "uh").contains(after);
  }
}
