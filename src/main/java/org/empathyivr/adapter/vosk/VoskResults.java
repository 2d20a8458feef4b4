package org.empathyivr.adapter.vosk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.Word;
import org.empathyivr.json.Json;

/**
 * Turns the JSON results Vosk gives for one utterance into one {@link Transcript}.
 *
 * <p>A recognizer emits one result per segment it closes while being fed, then a final one, each shaped like
 * <pre>
 * {"result": [{"conf": 0.97, "end": 1.02, "start": 0.6, "word": "yes"}, ...], "text": "yes ..."}
 * </pre>
 * where {@code result} is present only when words were requested and the segment has any. The segments' words are
 * joined in order. {@value #UNKNOWN_WORD} is how a grammar recognizer says "none of my words": it is dropped, so
 * speech that matched nothing comes back empty. Text is lower case with single spaces.
 *
 * <p>A result that is not of this shape throws {@link IllegalArgumentException}. Stateless and thread-safe.
 */
final class VoskResults {
  static final String UNKNOWN_WORD = "[unk]";

  private VoskResults() {}

  /** The transcript of the segment results of a new recognizer, in the order Vosk gave them (the final one last). */
  static Transcript toTranscript(List<String> resultsJson) {
    return toTranscript(resultsJson, 0);
  }

  /**
   * The transcript of the segment results of a recognizer that had decoded {@code offsetSeconds} of other recordings
   * first: Vosk times words from a recognizer's first audio, so that much is taken off each (to the microsecond,
   * Vosk's own precision), and the words are timed from the utterance's start.
   */
  static Transcript toTranscript(List<String> resultsJson, double offsetSeconds) {
    List<String> texts = new ArrayList<>();
    List<Word> words = new ArrayList<>();
    for (String json : resultsJson) {
      Map<?, ?> result = asObject(Json.read(json), "result");
      String text = normalize(asString(result.get("text"), "text"));
      if (!text.isEmpty()) texts.add(text);
      Object detail = result.get("result");
      if (detail != null) words.addAll(words(asList(detail, "result"), offsetSeconds));
    }
    return new Transcript(String.join(" ", texts), words);
  }

  private static List<Word> words(List<?> entries, double offsetSeconds) {
    List<Word> words = new ArrayList<>();
    for (Object entry : entries) {
      Map<?, ?> word = asObject(entry, "result entry");
      String text = normalize(asString(word.get("word"), "word"));
      if (text.isEmpty()) continue;
      words.add(
          new Word(
              text,
              since(asNumber(word.get("start"), "start"), offsetSeconds),
              since(asNumber(word.get("end"), "end"), offsetSeconds),
              asNumber(word.get("conf"), "conf")));
    }
    return words;
  }

  private static double since(double seconds, double offsetSeconds) {
    if (offsetSeconds == 0) return seconds;
    return Math.max(0, Math.round((seconds - offsetSeconds) * 1e6) / 1e6);
  }

  /** Lower case, single spaces, no {@value #UNKNOWN_WORD}. */
  static String normalize(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).trim().split("\\s+"))
        .filter(token -> !token.isEmpty() && !token.equals(UNKNOWN_WORD))
        .collect(Collectors.joining(" "));
  }

  private static Map<?, ?> asObject(Object value, String name) {
    if (value instanceof Map<?, ?> map) return map;
    throw new IllegalArgumentException("Vosk " + name + " is not an object: " + value);
  }

  private static List<?> asList(Object value, String name) {
    if (value instanceof List<?> list) return list;
    throw new IllegalArgumentException("Vosk " + name + " is not an array: " + value);
  }

  private static String asString(Object value, String name) {
    if (value instanceof String string) return string;
    throw new IllegalArgumentException("Vosk " + name + " is not a string: " + value);
  }

  private static double asNumber(Object value, String name) {
    if (value instanceof Number number) return number.doubleValue();
    throw new IllegalArgumentException("Vosk " + name + " is not a number: " + value);
  }
}
