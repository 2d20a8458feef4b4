package org.empathyivr.domain.frustration;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The word cues of frustration in recognizer-style text: anger and annoyance, profanity, asking for a person,
 * history ("third time", "still not fixed"), sarcasm, intensifiers, and a negated good word ("not happy"). A cue word
 * after a negation ("not angry", "no problem") does not count.
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
    NEGATED_GOOD("negated good word");

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
          "enough", "complain", "complaint", "cancel my", "unbelievable", "sucks", "lousy");
  private static final List<String> PROFANITY =
      List.of("fuck", "fucking", "fucked", "fucks", "fuckin", "motherfucker", "shit", "shitty", "bullshit", "damn",
          "damned", "dammit", "goddamn", "crap", "crappy", "bloody", "hell", "ass", "asshole", "bitch", "piss", "wtf",
          "bastard", "bastards");
  private static final List<String> ESCALATION =
      List.of("talk to a person", "speak to a person", "talk to someone", "speak to someone", "real person",
          "a human", "human being", "a person", "manager", "supervisor", "an agent", "representative", "operator",
          "someone else", "somebody else", "your boss", "put me through", "transfer me");
  private static final List<String> HISTORY =
      List.of("third time", "second time", "fourth time", "fifth time", "again", "every time", "already", "how many times",
          "for weeks", "for days", "for months", "for hours", "once more", "over and over", "yet again", "keeps",
          "keep", "always", "each time", "last time", "called before", "i've called", "i have called",
          "i already", "three times", "two times", "several times", "many times", "times now");
  private static final List<String> UNRESOLVED =
      List.of("still", "not fixed", "doesn't work", "does not work", "not working", "didn't work", "did not work",
          "nothing works", "still not", "still doesn't", "still can't", "still no", "broken", "no one", "nobody",
          "never works", "won't work", "isn't working", "stopped working", "no answer", "no response",
          "didn't help", "no help", "not help");
  private static final List<String> SARCASM =
      List.of("great just great", "oh great", "just great", "thanks a lot", "thanks for nothing", "yeah right",
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
