package org.empathyivr.domain.dialog;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** What the caller meant in reply to "is that right?", read from recognized words or a key. */
public enum Answer {
  YES,
  NO,
  /** The caller wants a person. */
  PERSON,
  /** Nothing we can act on. */
  UNCLEAR;

  private static final Set<String> YES_WORDS =
      Set.of("yes", "yeah", "yep", "yup", "correct", "right", "exactly", "sure", "absolutely", "true", "yea");
  private static final Set<String> NO_WORDS = Set.of("no", "nope", "not", "wrong", "incorrect", "nah");
  private static final Set<String> PERSON_WORDS =
      Set.of("agent", "representative", "operator", "human", "person", "someone", "somebody", "manager");
  private static final Set<String> STRONG_PERSON_WORDS = Set.of("agent", "representative", "operator", "human");
  private static final Set<String> ASKING_VERBS =
      Set.of("talk", "speak", "connect", "transfer", "put", "get", "want", "need", "give");

  /**
   * Reads a short answer. A denial wins over an affirmation ("not right"). A request for a person wins over both ("no,
   * an agent"), but "person", "someone" or "manager" only when no yes or no comes with them: the answer grammar hears
   * the rest of a correction as one of them ("no, it's the router" as "no it's manager").
   */
  public static Answer fromWords(String text) {
    List<String> words = words(text);
    boolean no = words.stream().anyMatch(NO_WORDS::contains);
    boolean yes = words.stream().anyMatch(YES_WORDS::contains);
    if (words.stream().anyMatch(STRONG_PERSON_WORDS::contains)) return PERSON;
    if (!no && !yes && words.stream().anyMatch(PERSON_WORDS::contains)) return PERSON;
    if (no) return NO;
    if (yes) return YES;
    return UNCLEAR;
  }

  public static Answer fromKey(char key) {
    return switch (key) {
      case DialogSettings.KEY_YES -> YES;
      case DialogSettings.KEY_NO -> NO;
      case DialogSettings.KEY_PERSON -> PERSON;
      default -> UNCLEAR;
    };
  }

  /**
   * True when free speech asks for a person: a short request ("agent", "operator please") or a sentence asking to
   * talk to one ("can I speak to a real person"). "My travel agent booked the wrong date" is not a request.
   */
  public static boolean asksForPerson(String text) {
    List<String> words = words(text);
    if (words.size() <= 4 && words.stream().anyMatch(STRONG_PERSON_WORDS::contains)) return true;
    for (int i = 0; i < words.size(); i++) {
      if (!ASKING_VERBS.contains(words.get(i))) continue;
      for (int j = i + 1; j < Math.min(words.size(), i + 6); j++) {
        if (PERSON_WORDS.contains(words.get(j))) return true;
      }
    }
    return false;
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.toLowerCase().split("[^a-z']+")).filter(w -> !w.isEmpty()).toList();
  }
}
