package org.empathyivr.domain.dialog;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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

  private CallerNames() {}

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
