package org.empathyivr.domain.frustration;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The word cues of frustration in recognizer-style text: anger and annoyance, profanity, asking for a person,
 * history ("third time"), trouble that goes on ("still not fixed", "stop charging me"), a plain problem ("does not
 * work"), a fix already tried that failed ("i restarted it but it's the same"), sarcasm, intensifiers, a negated good
 * word ("not happy"), and one sign of calm: courtesy or a plain answer ("thank you", "that's all"). A cue word after a
 * negation ("not angry", "not ok") does not count where a negation would turn it round.
 *
 * <p>Profanity is matched but never repeated: its explanation says only that it was used.
 */
public final class WordCues {
  /** The kinds of word cue; each is also a feature of the words model. */
  public enum Kind {
    ANGER("anger or annoyance"),
    PROFANITY("profanity"),
    ESCALATION("asked for a person"),
    HISTORY("repeated trouble"),
    UNRESOLVED("still not working"),
    SARCASM("sarcasm"),
    INTENSIFIER("intensifier"),
    NEGATED_GOOD("negated good word"),
    PROBLEM("stated a problem"),
    TRIED("it failed after trying"),
    COURTESY("courtesy or a plain answer");

    final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  /** One match: its kind and the words matched (for profanity, never spoken or shown). */
  public record Match(Kind kind, String phrase) {
    /** What an agent may read: the phrase in quotes, or only "profanity". */
    public String shown() {
      return kind == Kind.PROFANITY ? "profanity" : "'" + phrase + "'";
    }
  }

  private static final Set<String> NEGATIONS =
      Set.of("not", "no", "never", "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "ain't", "won't",
          "can't", "cannot", "nothing", "without", "hardly", "nor", "dont", "doesnt", "didnt", "isnt", "im_not");
  private static final int NEGATION_REACH = 3;

  private static final List<String> ANGER =
      List.of("angry", "furious", "annoyed", "annoying", "frustrated", "frustrating", "mad", "pissed", "fed up",
          "sick of", "tired of", "ridiculous", "unacceptable", "useless", "terrible", "awful", "horrible", "hate",
          "worst", "pathetic", "stupid", "incompetent", "disgusting", "disgrace", "outrageous", "nonsense", "joke",
          "waste of time", "wasting my time", "rubbish", "idiot", "idiots", "moron", "dumb", "shut up", "leave me alone",
          "disappointed", "upset", "fuming", "livid", "irritated", "irritating", "hopeless", "a scam", "rip off",
          "enough", "complain", "complaint", "unbelievable", "sucks", "lousy");
  private static final List<String> PROFANITY =
      List.of("fuck", "fucking", "fucked", "fucks", "fuckin", "motherfucker", "shit", "shitty", "bullshit", "damn",
          "damned", "dammit", "goddamn", "crap", "crappy", "bloody", "hell", "ass", "asshole", "bitch", "piss", "wtf",
          "bastard", "bastards");
  private static final List<String> ESCALATION =
      List.of("talk to a person", "speak to a person", "talk to someone", "speak to someone", "real person",
          "a human", "human being", "a person", "manager", "supervisor", "an agent", "representative", "operator",
          "someone else", "somebody else", "your boss", "put me through", "transfer me");
  /**
   * Not "keep(s)": "it keeps dropping" is trouble that goes on ({@link #addContinuing}), and counting the one word as
   * history too gave a calm first description two cues ("said 'keep dropping'; said 'keep'").
   */
  private static final List<String> HISTORY =
      List.of("third time", "second time", "fourth time", "fifth time", "again", "every time", "already", "how many times",
          "for weeks", "for days", "for months", "for hours", "once more", "over and over", "yet again", "always",
          "each time", "last time", "called before", "i've called", "i have called", "i already", "three times",
          "two times", "several times", "many times", "times now");
  /** Trouble that goes on: still there, no longer possible, not stopping. */
  private static final List<String> UNRESOLVED =
      List.of("still", "not fixed", "nothing works", "still not", "still doesn't", "still can't", "still no", "no one",
          "nobody", "never works", "no answer", "no response", "no help", "not help", "no longer", "anymore",
          "any more", "still waiting", "never got", "never received", "never came", "never arrived");
  /** A plain problem statement: on a support line the reason for the call, not yet a sign of frustration. */
  private static final List<String> PROBLEM =
      List.of("doesn't work", "does not work", "not working", "isn't working", "won't work", "stopped working",
          "broken", "can't", "cannot", "can not", "couldn't", "could not", "unable to", "not able", "won't", "error",
          "wrong", "mistake", "incorrect", "problem", "fails", "failed", "failing", "crashes", "crashed", "declined",
          "rejected", "locked out", "stuck", "overcharged", "missing", "disappeared", "lost");
  /** A fix the caller already tried that did not help. */
  private static final List<String> TRIED =
      List.of("didn't work", "did not work", "didn't help", "did not help", "nothing helped", "nothing happened",
          "nothing happens", "nothing changed", "no luck", "didn't fix", "did not fix", "no difference",
          "same problem", "same issue", "even though", "despite", "even after");
  /** Attempt words: with a failure after them in the same turn ("i restarted it but"), a fix that did not help. */
  private static final Set<String> ATTEMPTS =
      Set.of("tried", "trying", "followed", "restarted", "rebooted", "reinstalled", "unplugged", "already", "did that",
          "done that", "did everything", "done everything", "did what", "done what", "cancelled", "canceled", "paid",
          "returned", "reported", "called", "emailed", "asked", "reset", "changed", "updated", "installed", "checked",
          "replaced", "cleared");
  private static final Set<String> FAILURES =
      Set.of("but", "still", "nothing", "not", "no", "doesn't", "didn't", "won't", "can't", "isn't", "same", "anymore",
          "keep", "keeps", "again");
  private static final int ATTEMPT_REACH = 10;
  private static final Set<String> NOT_DONE =
      Set.of("didn't", "didnt", "hasn't", "hasnt", "haven't", "havent", "hadn't", "did not", "has not", "have not",
          "had not");
  private static final Set<String> NOT_SO = Set.of("yet", "possible", "available", "allowed", "accepted", "received");
  /** Courtesy and plain answers: on a support line, signs of calm (unless said with sarcasm, its own cue). */
  private static final List<String> COURTESY =
      List.of("thank you", "thanks", "thank", "that's all", "that is all", "that's it", "have a nice day",
          "have a good day", "perfect", "all right", "alright", "okay", "ok", "yes", "yeah", "correct", "sure",
          "got it", "great", "appreciate it", "goodbye", "bye", "hello", "hi", "good morning", "good afternoon",
          "good evening");
  /**
   * Not "yeah right": on a phone line it is mostly "yes, that's right" as the recognizer hears it, a calm yes, not
   * sarcasm.
   */
  private static final List<String> SARCASM =
      List.of("great just great", "oh great", "just great", "thanks a lot", "thanks for nothing",
          "oh wonderful", "just perfect", "oh perfect", "just wonderful", "oh brilliant", "real helpful",
          "very helpful not", "love it when", "how nice", "oh sure", "what a surprise", "surprise surprise");
  private static final List<String> INTENSIFIERS =
      List.of("so", "really", "very", "absolutely", "completely", "totally", "extremely", "seriously", "at all",
          "ever", "whole", "entire", "such", "even", "literally", "honestly");
  private static final List<String> GOOD =
      List.of("happy", "satisfied", "good", "ok", "okay", "acceptable", "fair", "right", "helpful", "pleased",
          "fine", "working", "help");

  private WordCues() {}

  /** The cues in {@code tokens} (recognizer-style words), in the order found. */
  public static List<Match> find(List<String> tokens) {
    List<Match> matches = new ArrayList<>();
    boolean[] negated = negated(tokens);
    addPhrases(tokens, negated, ANGER, Kind.ANGER, true, matches);
    addPhrases(tokens, negated, PROFANITY, Kind.PROFANITY, false, matches);
    addPhrases(tokens, negated, ESCALATION, Kind.ESCALATION, true, matches);
    addPhrases(tokens, negated, HISTORY, Kind.HISTORY, false, matches);
    addPhrases(tokens, negated, UNRESOLVED, Kind.UNRESOLVED, false, matches);
    addPhrases(tokens, negated, SARCASM, Kind.SARCASM, false, matches);
    addPhrases(tokens, negated, INTENSIFIERS, Kind.INTENSIFIER, false, matches);
    addPhrases(tokens, negated, PROBLEM, Kind.PROBLEM, false, matches);
    addPhrases(tokens, negated, TRIED, Kind.TRIED, false, matches);
    addAttemptsThatFailed(tokens, matches);
    addNegatedActions(tokens, matches);
    addContinuing(tokens, matches);
    if (matches.stream().noneMatch(m -> m.kind() == Kind.SARCASM)) {
      addPhrases(tokens, negated, COURTESY, Kind.COURTESY, true, matches);
    }
    for (int i = 0; i < tokens.size(); i++) {
      if (negated[i] && GOOD.contains(tokens.get(i))) {
        matches.add(new Match(Kind.NEGATED_GOOD, negationBefore(tokens, i) + " " + tokens.get(i)));
      }
    }
    return matches;
  }

  /** Which tokens are within reach of a negation before them ("not really angry": angry is negated). */
  static boolean[] negated(List<String> tokens) {
    boolean[] negated = new boolean[tokens.size()];
    int reach = 0;
    for (int i = 0; i < tokens.size(); i++) {
      negated[i] = reach > 0;
      reach = isNegation(tokens.get(i)) ? NEGATION_REACH : Math.max(0, reach - 1);
    }
    return negated;
  }

  static boolean isNegation(String token) {
    return NEGATIONS.contains(token) || token.endsWith("n't");
  }

  private static String negationBefore(List<String> tokens, int i) {
    for (int j = i - 1; j >= Math.max(0, i - NEGATION_REACH); j--) if (isNegation(tokens.get(j))) return tokens.get(j);
    return "not";
  }

  /** An attempt word with a failure word after it in the same turn: "i restarted it twice but it's the same". */
  private static void addAttemptsThatFailed(List<String> tokens, List<Match> into) {
    for (int i = 0; i < tokens.size(); i++) {
      String pair = i + 1 < tokens.size() ? tokens.get(i) + " " + tokens.get(i + 1) : "";
      int after = ATTEMPTS.contains(pair) ? i + 2 : ATTEMPTS.contains(tokens.get(i)) ? i + 1 : -1;
      if (after < 0) continue;
      for (int j = after; j < Math.min(tokens.size(), after + ATTEMPT_REACH); j++) {
        if (FAILURES.contains(tokens.get(j)) || tokens.get(j).endsWith("n't")) {
          into.add(new Match(Kind.TRIED, String.join(" ", tokens.subList(i, after)) + " … " + tokens.get(j)));
          return;
        }
      }
    }
  }

  /**
   * Something that did not happen: a negation before a participle ("not delivered", "never arrived", "isn't
   * loading"), "didn't/hasn't/haven't" before a verb ("hasn't arrived", "didn't get"), "not yet", "not possible".
   */
  private static void addNegatedActions(List<String> tokens, List<Match> into) {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      String word = tokens.get(i);
      String next = tokens.get(i + 1);
      boolean participle = next.length() > 4 && (next.endsWith("ed") || next.endsWith("ing"));
      boolean done =
          NOT_DONE.contains(word) || (word.equals("not") && i > 0 && NOT_DONE.contains(tokens.get(i - 1) + " not"));
      boolean notSo = word.equals("not") && NOT_SO.contains(next);
      if ((isNegation(word) && participle) || (done && !isNegation(next)) || notSo) {
        into.add(new Match(Kind.PROBLEM, word + " " + next));
      }
    }
  }

  /** Something that will not stop: "stop charging me", "keeps sending", "continues to bill". */
  private static void addContinuing(List<String> tokens, List<Match> into) {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      String word = tokens.get(i);
      String next = tokens.get(i + 1);
      boolean ongoing = next.endsWith("ing") && next.length() > 5
          && (word.equals("stop") || word.startsWith("keep") || word.startsWith("continu"));
      if (ongoing || (word.startsWith("continu") && next.equals("to"))) {
        into.add(new Match(Kind.UNRESOLVED, word + " " + next));
      }
    }
  }

  /**
   * Which tokens a cue of one of {@code kinds} covers (a phrase, or each part of an "attempt … failure" span): such
   * tokens count through the cue kind only, not as words, so a word the training text uses otherwise ("keep", "thanks")
   * cannot undo the cue.
   */
  static boolean[] covered(List<String> tokens, List<Match> matches, Set<Kind> kinds) {
    boolean[] covered = new boolean[tokens.size()];
    for (Match m : matches) {
      if (!kinds.contains(m.kind())) continue;
      for (String piece : m.phrase().split(" … ")) {
        String[] parts = piece.split(" ");
        for (int i = 0; i + parts.length <= tokens.size(); i++) {
          boolean all = true;
          for (int k = 0; k < parts.length && all; k++) all = tokens.get(i + k).equals(parts[k]);
          if (all) for (int k = 0; k < parts.length; k++) covered[i + k] = true;
        }
      }
    }
    return covered;
  }

  private static void addPhrases(
      List<String> tokens, boolean[] negated, List<String> phrases, Kind kind, boolean negatable, List<Match> into) {
    for (String phrase : phrases) {
      String[] parts = phrase.split(" ");
      for (int i = 0; i + parts.length <= tokens.size(); i++) {
        if (negatable && negated[i]) continue;
        boolean all = true;
        for (int k = 0; k < parts.length && all; k++) {
          String token = tokens.get(i + k);
          all = kind == Kind.PROFANITY ? token.equals(parts[k]) || token.startsWith("fuck") : token.equals(parts[k]);
        }
        if (all) into.add(new Match(kind, phrase));
      }
    }
  }
}
