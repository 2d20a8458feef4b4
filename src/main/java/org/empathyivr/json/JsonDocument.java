package org.empathyivr.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict parser for the small JSON documents this service reads (Vosk results, handoff records, DevTools
 * answers): objects become {@code Map<String, Object>} (in document order), arrays {@code List<Object>}, numbers {@code Double}, and {@code true}, {@code false}, {@code null} their Java
 * counterparts.
 *
 * <p>Malformed input throws {@link IllegalArgumentException} naming the offset. {@link #parse} is thread-safe.
 */
public final class JsonDocument {
  private final String text;
  private int pos;

  private JsonDocument(String text) {
    this.text = text;
  }

  /** Parses one JSON value; nothing but white space may follow it. */
  public static Object parse(String json) {
    if (json == null) throw new IllegalArgumentException("json == null");
    JsonDocument parser = new JsonDocument(json);
    Object value = parser.value();
    parser.skipWhiteSpace();
    if (parser.pos != json.length()) throw parser.error("trailing characters");
    return value;
  }

  private Object value() {
    skipWhiteSpace();
    if (pos >= text.length()) throw error("unexpected end");
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        throw error("unexpected '" + c + "'");
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> members = new LinkedHashMap<>();
    pos++; // {
    skipWhiteSpace();
    if (consume('}')) return members;
    do {
      skipWhiteSpace();
      if (pos >= text.length() || text.charAt(pos) != '"') throw error("expected a member name");
      String name = string();
      skipWhiteSpace();
      expect(':');
      members.put(name, value());
      skipWhiteSpace();
    } while (consume(','));
    expect('}');
    return members;
  }

  private List<Object> array() {
    List<Object> elements = new ArrayList<>();
    pos++; // [
    skipWhiteSpace();
    if (consume(']')) return elements;
    do {
      elements.add(value());
      skipWhiteSpace();
    } while (consume(','));
    expect(']');
    return elements;
  }

  private String string() {
    pos++; // opening quote
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') return out.toString();
      if (c < 0x20) throw error("control character in string");
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= text.length()) break;
      char escaped = text.charAt(pos++);
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(unicodeEscape());
        default -> throw error("bad escape '\\" + escaped + "'");
      }
    }
    throw error("unterminated string");
  }

  private char unicodeEscape() {
    if (pos + 4 > text.length()) throw error("short \\u escape");
    try {
      char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
      pos += 4;
      return c;
    } catch (NumberFormatException e) {
      throw error("bad \\u escape");
    }
  }

  private Double number() {
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) pos++;
    try {
      return Double.valueOf(text.substring(start, pos));
    } catch (NumberFormatException e) {
      pos = start;
      throw error("bad number");
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) throw error("unexpected '" + text.charAt(pos) + "'");
    pos += word.length();
    return value;
  }

  private void skipWhiteSpace() {
    while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) pos++;
  }

  private boolean consume(char c) {
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!consume(c)) throw error("expected '" + c + "'");
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("malformed JSON at offset " + pos + ": " + problem);
  }
}
