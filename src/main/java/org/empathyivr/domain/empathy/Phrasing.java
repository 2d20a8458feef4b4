package org.empathyivr.domain.empathy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses what to say in one call: a variant per id, deterministic for a given call id, preferring lines not yet
 * said in this call and never repeating the line said last.
 *
 * <p>One instance per call; not thread-safe.
 */
public final class Phrasing {
  /**
   * A line ready to speak. {@code personal} lines carry something of this call and must not be kept after it;
   * {@code ids} are the phrasebook ids it was made from (none for a line not from the book).
   */
  public record Line(String text, boolean personal, List<String> ids) {
    public Line {
      ids = List.copyOf(ids);
    }

    /** This line followed by {@code next}, as one prompt. */
    public Line then(Line next) {
      List<String> both = new java.util.ArrayList<>(ids);
      both.addAll(next.ids);
      return new Line(text + " " + next.text, personal || next.personal, both);
    }
  }

  private final PhraseBook book;
  private final String callId;
  /** The lines said in this call, as written in the book: a reflection said again comes in other words. */
  private final Set<String> said = new HashSet<>();
  private String last = "";

  public Phrasing(PhraseBook book, String callId) {
    this.book = book;
    this.callId = callId;
  }

  /**
   * A line for {@code id} in {@code tone}: its {@code .upset} variant for an upset caller when the book has one.
   */
  public Line say(String id, Map<String, String> values, Tone tone) {
    String toned = tone.idFor(id);
    return say(book.has(toned) ? toned : id, values);
  }

  /** A line for {@code id} with its slots filled from {@code values}. */
  public Line say(String id, Map<String, String> values) {
    List<String> variants = book.variants(id);
    int start = Math.floorMod((callId + "/" + id).hashCode(), variants.size());
    String chosen = null;
    String template = null;
    // First choice: a line not said yet in this call. Once all were said, any but the last one.
    for (int pass = 0; pass < 2 && chosen == null; pass++) {
      for (int i = 0; i < variants.size() && chosen == null; i++) {
        String candidate = variants.get((start + i) % variants.size());
        String filled = capitalizeSentences(PhraseBook.fill(candidate, values));
        boolean fresh = pass == 0 ? !said.contains(candidate) : !candidate.equals(last) || variants.size() == 1;
        if (fresh) {
          chosen = filled;
          template = candidate;
        }
      }
    }
    said.add(template);
    last = template;
    return new Line(chosen, PhraseBook.hasSlots(template), List.of(id));
  }

  public Line say(String id) {
    return say(id, Map.of());
  }

  /** Slots fill in lower-case recognizer words; a sentence still starts with a capital. */
  static String capitalizeSentences(String text) {
    StringBuilder out = new StringBuilder(text);
    boolean start = true;
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      if (start && Character.isLetter(c)) {
        out.setCharAt(i, Character.toUpperCase(c));
        start = false;
      } else if (c == '.' || c == '?' || c == '!') {
        start = true;
      } else if (!Character.isWhitespace(c)) {
        start = false;
      }
    }
    return out.toString();
  }
}
