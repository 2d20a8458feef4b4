package org.empathyivr.domain.empathy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the assistant can say: ids, each with one or more variants, parsed from the admin-editable
 * {@code prompts/phrasebook.txt} format ({@code id = text}, {@code id! = text} for a line heard whole, {@code #}
 * comments, blank lines ignored).
 *
 * <p>Immutable and thread-safe. A line may carry slots like {@code {name}}; {@link #REQUIRED_IDS} must all be
 * present, so a broken phrasebook is refused at startup, not in the middle of a call.
 */
public final class PhraseBook {
  /** The ids the conversation uses; each must have at least one variant. */
  public static final Set<String> REQUIRED_IDS =
      Set.of(
          "greeting.named",
          "greeting.anonymous",
          "ask.issue",
          "reprompt.issue",
          "reflect.lead",
          "reflect.tentative",
          "ask.repeat-unsure",
          "confirm.ask",
          "reprompt.confirm",
          "apologize.misunderstood",
          "thanks.correction",
          "handoff.confirmed.named",
          "handoff.confirmed",
          "handoff.asked",
          "handoff.retries",
          "handoff.error",
          "handoff.frustrated",
          "ask.name",
          "name.thanks",
          "ask.after-feeling",
          "patience.take-time",
          "handoff.silence",
          "acknowledge.frustrated",
          "acknowledge.upset",
          "acknowledge.worried",
          "reassure.upset");

  private static final Pattern LINE = Pattern.compile("([a-z][a-z0-9.\\-]*)(!?)\\s*=\\s*(.+)");
  private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)}");
  static final Set<String> KNOWN_SLOTS = Set.of("name", "reflection");

  private final Map<String, List<String>> variants;
  private final Set<String> heardWhole;

  private PhraseBook(Map<String, List<String>> variants, Set<String> heardWhole) {
    this.variants = variants;
    this.heardWhole = heardWhole;
  }

  /**
   * Parses a phrasebook.
   *
   * @param source names the text in error messages, for example its file path
   * @throws IllegalArgumentException naming the line or id at fault
   */
  public static PhraseBook parse(String text, String source) {
    Map<String, List<String>> variants = new LinkedHashMap<>();
    Set<String> whole = new java.util.HashSet<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected 'id = text', got: " + line);
      }
      String phrase = m.group(3).strip();
      if (!m.group(2).isEmpty()) whole.add(m.group(1));
      Matcher slot = SLOT.matcher(phrase);
      while (slot.find()) {
        if (!KNOWN_SLOTS.contains(slot.group(1))) {
          throw new IllegalArgumentException(
              source + ":" + (i + 1) + ": unknown slot {" + slot.group(1) + "}, known: " + KNOWN_SLOTS);
        }
      }
      variants.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(phrase);
    }
    for (String id : REQUIRED_IDS) {
      if (!variants.containsKey(id)) throw new IllegalArgumentException(source + ": missing phrase id '" + id + "'");
    }
    variants.replaceAll((id, list) -> List.copyOf(list));
    return new PhraseBook(Collections.unmodifiableMap(variants), Set.copyOf(whole));
  }

  /** The variants of an id, in file order. */
  public List<String> variants(String id) {
    List<String> list = variants.get(id);
    if (list == null) throw new IllegalArgumentException("no phrase id '" + id + "'");
    return list;
  }

  /**
   * True when the caller must hear the id's lines whole: an id written {@code id! = text} (on any of its variants),
   * such as the handoff announcement. Speaking over it does not stop it.
   */
  public boolean heardWhole(String id) {
    return heardWhole.contains(id);
  }

  /** True when the book has the id. */
  public boolean has(String id) {
    return variants.containsKey(id);
  }

  /** Every id with its variants, in file order. */
  public Map<String, List<String>> all() {
    return variants;
  }

  /** True when the line has slots to fill per call. */
  public static boolean hasSlots(String line) {
    return SLOT.matcher(line).find();
  }

  /** Fills {@code {slot}} placeholders; a slot without a value is an error. */
  static String fill(String line, Map<String, String> values) {
    Matcher m = SLOT.matcher(line);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) throw new IllegalArgumentException("no value for {" + m.group(1) + "} in: " + line);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
