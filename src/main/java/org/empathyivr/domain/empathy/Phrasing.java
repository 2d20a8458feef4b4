package org.empathyivr.domain.empathy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses what to say in one call: a variant per id, deterministic for a given call id, preferring lines not yet
 * said in this call and never repeating the line said last.
 *
 * <p>One instance per call; not thread-safe.
 */
public final class Phrasing {
  /**
   * A line ready to speak, in parts: what is said alike to every caller, and what carries something of this call
   * ({@code personal}: a name, a reflection), which must not be kept after it. Fixed and personal parts alternate, so
   * a fixed part can be played from audio made before the call while the personal part after it is still being
   * synthesized. {@code ids} are the phrasebook ids the line was made from (none for a line not from the book).
   * {@code heardWhole}: the caller must hear it whole (one of its ids is marked so in the book); speaking over it
   * does not stop it.
   */
  public record Line(String text, List<Part> parts, List<String> ids, boolean heardWhole) {
    public Line {
      parts = List.copyOf(parts);
      ids = List.copyOf(ids);
      if (parts.isEmpty()) throw new IllegalArgumentException("a line without parts: \"" + text + "\"");
    }

    /** A line the caller may interrupt. */
    public Line(String text, List<Part> parts, List<String> ids) {
      this(text, parts, ids, false);
    }

    /** A line in one part. */
    public Line(String text, boolean personal, List<String> ids) {
      this(text, List.of(new Part(text, personal)), ids);
    }

    /** True when any part carries something of this call. */
    public boolean personal() {
      return parts.stream().anyMatch(Part::personal);
    }

    /** This line followed by {@code next}, as one prompt; neighbouring parts of the same kind are joined. */
    public Line then(Line next) {
      List<Part> joined = new ArrayList<>(parts);
      for (Part part : next.parts) append(joined, part);
      List<String> both = new ArrayList<>(ids);
      both.addAll(next.ids);
      return new Line(text + " " + next.text, joined, both, heardWhole || next.heardWhole);
    }

    /** The same line ending as a sentence ends: with a full stop unless it has its own end. */
    public Line asSentence() {
      if (text.endsWith(".") || text.endsWith("?") || text.endsWith("!")) return this;
      List<Part> ended = new ArrayList<>(parts);
      Part last = ended.remove(ended.size() - 1);
      ended.add(new Part(last.text() + ".", last.personal()));
      return new Line(text + ".", ended, ids, heardWhole);
    }

    private static void append(List<Part> parts, Part part) {
      int last = parts.size() - 1;
      if (last >= 0 && parts.get(last).personal() == part.personal()) {
        parts.set(last, new Part(parts.get(last).text() + " " + part.text(), part.personal()));
      } else {
        parts.add(part);
      }
    }
  }

  /** A piece of a line: its text, and whether it carries something of this call. */
  public record Part(String text, boolean personal) {}

  /**
   * Where a template is cut into parts: between sentences, and after a lead-in of three words or more that a comma
   * ends before a slot ("If I understood you correctly, | {reflection}."). A shorter lead-in ("So, {reflection}.")
   * stays with its slot: alone it would be said as a clipped word.
   */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!])\\s+");
  private static final Pattern LEAD_BEFORE_SLOT = Pattern.compile("([^{]*\\S,)\\s+(\\{.*)");
  private static final int MIN_LEAD_WORDS = 3;

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
    return new Line(chosen, parts(template, values), List.of(id), book.heardWhole(id));
  }

  /**
   * The text of every part that is said alike to every caller (whole lines without slots, and the fixed lead-ins and
   * endings of lines with them), each once, in book order: what can be synthesized before any call.
   */
  public static List<String> sharedTexts(PhraseBook book) {
    Map<String, String> anyValues = new java.util.HashMap<>();
    PhraseBook.KNOWN_SLOTS.forEach(slot -> anyValues.put(slot, slot));
    Set<String> texts = new java.util.LinkedHashSet<>();
    for (List<String> variants : book.all().values()) {
      for (String template : variants) {
        for (Part part : parts(template, anyValues)) if (!part.personal()) texts.add(part.text());
      }
    }
    return List.copyOf(texts);
  }

  /** The template's parts, filled and capitalized as the whole line is. */
  static List<Part> parts(String template, Map<String, String> values) {
    List<Part> parts = new ArrayList<>();
    boolean sentenceStart = true;
    for (String piece : pieces(template)) {
      String filled = PhraseBook.fill(piece, values);
      Line.append(parts, new Part(capitalizeSentences(filled, sentenceStart), PhraseBook.hasSlots(piece)));
      sentenceStart = endsSentence(filled);
    }
    return parts;
  }

  private static List<String> pieces(String template) {
    List<String> pieces = new ArrayList<>();
    for (String sentence : SENTENCE_END.split(template.strip())) {
      Matcher lead = LEAD_BEFORE_SLOT.matcher(sentence);
      if (lead.matches() && lead.group(1).strip().split("\\s+").length >= MIN_LEAD_WORDS) {
        pieces.add(lead.group(1));
        pieces.add(lead.group(2));
      } else {
        pieces.add(sentence);
      }
    }
    return pieces;
  }

  private static boolean endsSentence(String text) {
    String t = text.strip();
    return t.endsWith(".") || t.endsWith("?") || t.endsWith("!");
  }

  public Line say(String id) {
    return say(id, Map.of());
  }

  /** Slots fill in lower-case recognizer words; a sentence still starts with a capital. */
  static String capitalizeSentences(String text) {
    return capitalizeSentences(text, true);
  }

  /** As {@link #capitalizeSentences(String)}, for text that does not start a sentence when {@code start} is false. */
  private static String capitalizeSentences(String text, boolean start) {
    StringBuilder out = new StringBuilder(text);
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
