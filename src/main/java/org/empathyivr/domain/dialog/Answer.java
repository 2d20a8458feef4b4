package org.empathyivr.domain.dialog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.empathyivr.domain.port.Transcript;

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
  /** The most words a denial heard by the free-speech recognizer alone may have to count as the answer. */
  static final int MAX_SHORT_ANSWER_WORDS = 4;

  /**
   * Reads a short answer. A denial wins over an affirmation ("not right"). A request for a person wins over both ("no,
   * an agent"), but "person", "someone" or "manager" only when no yes or no comes with them: the answer grammar hears
   * the rest of a correction as one of them ("no, it's the router" as "no it's manager").
   */
  public static Answer fromWords(String text) {
    List<String> words = words(text);
    if (words.stream().anyMatch(STRONG_PERSON_WORDS::contains)) return PERSON;
    Answer yesOrNo = yesOrNo(words);
    if (yesOrNo == UNCLEAR && words.stream().anyMatch(PERSON_WORDS::contains)) return PERSON;
    return yesOrNo;
  }

  /**
   * Reads the answer from the two recognizers that heard it: {@code answerWords}, restricted to answer words (it forces
   * whatever was said into them), and {@code freeWords}, free speech with a language model behind it (it hears whole
   * phrases, and knows "got" from "not"). Each mishears in its own way; together:
   *
   * <ul>
   *   <li>when both read the same answer and at least one was sure of its words (see {@link Confidence}), that is it;
   *   <li>when both heard a yes and the free words are nothing but an affirmation ("yeah", "yes that's right"), it is a
   *       yes though neither was sure: a short, clipped "yes" is heard as "yeah" at a low confidence, and speech that
   *       is not an answer is never heard as only yes-words by both;
   *   <li>a request for a person from the grammar whose words the free speech heard as a plain denial ("no it's agent"
   *       against "no it's my television") is a denial;
   *   <li>when both heard a denial and the free words start with it ("no" and "no my phone line is dead"), it is a
   *       denial even if neither was sure: two recognizers agree on the answer's first word;
   *   <li>when the grammar heard both a yes and a no ("yeah you not it"), the free words decide if they give one;
   *   <li>when the grammar heard no answer, or was unsure of it, only the free words'
   *       request for a person, or a short denial that starts with a no ("no way"), is taken: never a yes, which in free
   *       speech is as likely "right" in "turn right", nor a "no" in the middle of something else;
   *   <li>a sure yes from the grammar against a denial in the free words is a denial: saying the issue again costs the
   *       caller less than an agent told the wrong story;
   *   <li>otherwise the grammar's answer.
   * </ul>
   */
  public static Answer heard(Transcript answerWords, Transcript freeWords) {
    Answer grammar = fromWords(answerWords.text());
    Answer free = fromFreeWords(freeWords.text());
    if (grammar == free && (Confidence.sure(answerWords) || Confidence.sure(freeWords))) return grammar;
    if (grammar == YES && free == YES && onlyAffirms(freeWords.text())) return YES;
    if (grammar == PERSON && free == NO) return NO;
    if (grammar == NO && free == NO && startsWithDenial(freeWords.text())) return NO;
    if (saysYesAndNo(answerWords.text()) && (free == YES || free == NO)) return free;
    if (grammar == UNCLEAR || !Confidence.sure(answerWords)) {
      if (free == PERSON || (free == NO && isShortDenial(freeWords.text()))) return free;
      return UNCLEAR;
    }
    if (grammar == YES && free == NO) return NO;
    return grammar;
  }

  /**
   * Free speech read as an answer: a request for a person (asked for, not merely named, or asked to talk to whoever the
   * rest was heard as: "let me talk to a bird and"), a denial, a yes, or none. A reply that starts with "know" starts
   * with "no": the language model prefers "know my phone line…" to "no my phone line…".
   */
  private static Answer fromFreeWords(String text) {
    List<String> words = answerWords(text);
    if (asksForPerson(text) || asksToTalkToSomeone(words)) return PERSON;
    return yesOrNo(words);
  }

  /**
   * "Talk to" or "speak with" in a reply to "is that right?": not a yes or a no but a request for someone, whoever the
   * free speech heard after it (a person's name is often misheard). Only for that reply: describing an issue, "I want
   * to talk to you about my bill" asks for no one.
   */
  private static boolean asksToTalkToSomeone(List<String> words) {
    for (int i = 0; i + 1 < words.size(); i++) {
      boolean talk = words.get(i).equals("talk") || words.get(i).equals("speak");
      if (talk && (words.get(i + 1).equals("to") || words.get(i + 1).equals("with"))) return true;
    }
    return false;
  }

  /**
   * The words of a free-speech reply, its first word read as the answer it sounds like: "know" as "no", "norway" as "no
   * way" (the language model prefers the country to the answer).
   */
  private static List<String> answerWords(String text) {
    List<String> words = words(text);
    if (words.isEmpty() || !(words.get(0).equals("know") || words.get(0).equals("norway"))) return words;
    List<String> read = new ArrayList<>(words);
    if (read.get(0).equals("norway")) read.add(1, "way");
    read.set(0, "no");
    return read;
  }

  private static boolean startsWithDenial(String text) {
    List<String> words = answerWords(text);
    return !words.isEmpty() && NO_WORDS.contains(words.get(0));
  }

  /** A denial wins over an affirmation ("not right"); neither is UNCLEAR. */
  private static Answer yesOrNo(List<String> words) {
    if (words.stream().anyMatch(NO_WORDS::contains)) return NO;
    if (words.stream().anyMatch(YES_WORDS::contains)) return YES;
    return UNCLEAR;
  }

  /** Words that may stand beside a yes in a plain affirmation: "yes that's right", "yeah it is". */
  private static final Set<String> AFFIRMATION_FILLERS = Set.of("that's", "that", "is", "it", "it's", "you", "got");

  private static boolean onlyAffirms(String text) {
    List<String> words = words(text);
    return !words.isEmpty() && words.size() <= MAX_SHORT_ANSWER_WORDS && words.stream().anyMatch(YES_WORDS::contains)
        && words.stream().allMatch(w -> YES_WORDS.contains(w) || AFFIRMATION_FILLERS.contains(w));
  }

  private static boolean saysYesAndNo(String text) {
    List<String> words = words(text);
    return words.stream().anyMatch(NO_WORDS::contains) && words.stream().anyMatch(YES_WORDS::contains);
  }

  private static boolean isShortDenial(String text) {
    return startsWithDenial(text) && words(text).size() <= MAX_SHORT_ANSWER_WORDS;
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
    if (isShortRequestToTalk(words)) return true;
    for (int i = 0; i < words.size(); i++) {
      if (!ASKING_VERBS.contains(words.get(i))) continue;
      for (int j = i + 1; j < Math.min(words.size(), i + 6); j++) {
        if (PERSON_WORDS.contains(words.get(j))) return true;
      }
    }
    return false;
  }

  /** The most words after "talk to" in a request to talk to someone whose name or title was misheard. */
  private static final int MAX_WORDS_AFTER_TALK_TO = 3;
  /** A wish comes within this many words before "talk to": "could I please talk to". */
  private static final int MAX_WORDS_BEFORE_TALK_TO = 4;
  private static final Set<String> WISH_WORDS = Set.of("want", "like", "need", "can", "could", "let", "may", "wanna");

  /**
   * "I want to talk to a [misheard]": a sentence that is only a wish to talk or speak to someone (a person's name or
   * title is often misheard) and says nothing else. "I want to talk to you about my bill" says more; "talk to you"
   * asks for no one.
   */
  private static boolean isShortRequestToTalk(List<String> words) {
    for (int i = 1; i + 1 < words.size(); i++) {
      boolean talk = words.get(i).equals("talk") || words.get(i).equals("speak");
      if (!talk || !(words.get(i + 1).equals("to") || words.get(i + 1).equals("with"))) continue;
      boolean wish = words.subList(0, i).stream().anyMatch(WISH_WORDS::contains);
      List<String> after = words.subList(i + 2, words.size());
      return wish && i <= MAX_WORDS_BEFORE_TALK_TO && !after.isEmpty() && after.size() <= MAX_WORDS_AFTER_TALK_TO
          && !after.contains("you");
    }
    return false;
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.toLowerCase().split("[^a-z']+")).filter(w -> !w.isEmpty()).toList();
  }
}
