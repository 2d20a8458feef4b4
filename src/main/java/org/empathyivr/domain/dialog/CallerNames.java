package org.empathyivr.domain.dialog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.empathyivr.domain.port.SpeechToText;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.Word;

/**
 * Decides whether a caller-ID name is a person's name we may greet with. When in doubt, no: greeting a caller with a
 * wrong name is worse than greeting them without one.
 */
public final class CallerNames {
  private static final Set<String> PLACEHOLDER_WORDS =
      Set.of("unknown", "anonymous", "private", "restricted", "unavailable", "withheld", "caller", "wireless", "cell",
          "phone", "mobile", "toll", "free", "out", "area", "number", "blocked", "name", "not", "provided", "inc",
          "llc", "ltd", "gmbh", "corp", "corporation", "company", "co", "services", "service", "bank", "hospital",
          "clinic", "pharmacy", "office", "support", "sales", "reception", "the", "dept", "department", "city",
          "state", "county", "school", "university", "center", "centre", "group", "international", "solutions",
          "systems", "hotel", "restaurant", "store", "shop");
  private static final Pattern NICKNAME = Pattern.compile("\"[^\"]*\"|'[^']*'|\\([^)]*\\)");
  private static final Pattern NAME_WORD = Pattern.compile("\\p{L}[\\p{L}'\\-.]*");

  /** Common first names, lower case: what the assistant listens for when it asks a caller's name. */
  public static final List<String> FIRST_NAMES = firstNames();

  /**
   * The names to listen for when a caller is asked theirs: the common first names and the directory's, in one stable
   * order (a recognizer may keep a grammar per list).
   */
  public static List<String> candidates(Set<String> directoryFirstNames) {
    Set<String> all = new TreeSet<>(FIRST_NAMES);
    all.addAll(directoryFirstNames);
    return List.copyOf(all);
  }

  /** A spoken name is taken only when the recognizer was at least this sure of it. */
  static final double MIN_NAME_CONFIDENCE = 0.9;

  /** "It's Maria", "my name is Maria": the carrier words a name recognizer hears as unknown. */
  static final int MAX_UNKNOWN_WORDS = 3;

  private CallerNames() {}

  /**
   * The first name in the answer to "may I have your first name?", capitalized, or empty unless the recognizer heard
   * exactly one of {@code candidates}, clearly, with at most a few unknown words before it ("it's Maria") and none
   * after it. When in doubt, no name: a wrong one is worse than none.
   */
  public static Optional<String> spokenFirstName(Transcript heard, List<String> candidates) {
    List<Word> words = heard.words();
    if (words.isEmpty()) return Optional.empty();
    Word last = words.get(words.size() - 1);
    long unknown = words.stream().filter(w -> w.text().equals(SpeechToText.UNKNOWN_NAME)).count();
    if (unknown != words.size() - 1 || unknown > MAX_UNKNOWN_WORDS) return Optional.empty();
    String name = last.text().toLowerCase(Locale.ROOT);
    if (!candidates.contains(name) || last.confidence() < MIN_NAME_CONFIDENCE) return Optional.empty();
    return Optional.of(Character.toUpperCase(name.charAt(0)) + name.substring(1));
  }

  private static List<String> firstNames() {
    try (InputStream in = CallerNames.class.getResourceAsStream("first-names.txt")) {
      if (in == null) throw new IllegalStateException("first-names.txt is missing beside " + CallerNames.class);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read first-names.txt", e);
    }
  }

  /** The cleaned full name when {@code callerIdName} looks like a person's name, else empty. */
  public static Optional<String> personName(String callerIdName) {
    if (callerIdName == null) return Optional.empty();
    String name = NICKNAME.matcher(callerIdName).replaceAll(" ").strip().replaceAll("\\s+", " ");
    if (name.contains(",")) {
      // "Lopez, Maria": the directory convention of last name first.
      String[] parts = name.split(",", 2);
      name = (parts[1].strip() + " " + parts[0].strip()).strip();
    } else if (name.equals(name.toUpperCase(Locale.ROOT)) && name.contains(" ")) {
      // All-caps caller-ID names ("LOPEZ MARIA") come from carriers in either order: we cannot tell the first name.
      return Optional.empty();
    }
    if (name.isEmpty()) return Optional.empty();
    String[] words = name.split(" ");
    for (String word : words) {
      if (!NAME_WORD.matcher(word).matches()) return Optional.empty();
      if (PLACEHOLDER_WORDS.contains(word.toLowerCase(Locale.ROOT).replace(".", ""))) return Optional.empty();
    }
    if (words[0].replace(".", "").length() < 2) return Optional.empty();
    StringBuilder cleaned = new StringBuilder();
    for (String word : words) {
      if (cleaned.length() > 0) cleaned.append(' ');
      boolean shouted = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
      cleaned.append(shouted ? word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT) : word);
    }
    return Optional.of(cleaned.toString());
  }
}
