package org.empathyivr.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The JSON this service reads (Vosk results, handoff records, DevTools answers) and writes (handoff records, health),
 * through jackson-jr and jackson-core. Read objects are {@code Map<String, Object>} in document order, arrays
 * {@code List<Object>}, numbers {@code Integer}, {@code Long} or {@code Double} (take them as {@link Number}).
 *
 * <p>Written text is one line, and U+2028 and U+2029 are escaped besides what RFC 8259 requires: JSON allows them
 * raw, but JavaScript before ES2019 ends a line at them, so a record pasted into a script would break. Other
 * non-ASCII text stays as it is (UTF-8). Thread-safe.
 */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactoryBuilder().characterEscapes(new ScriptSafeEscapes()).build();
  private static final JSON JR = JSON.builder(FACTORY).build();

  private Json() {}

  /** Writes one value with a generator: {@code g -> { g.writeStartObject(); ... }}. */
  public interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /**
   * Reads one JSON value; nothing but white space may follow it.
   *
   * @throws IllegalArgumentException when {@code json} is not one well-formed JSON value
   */
  public static Object read(String json) {
    if (json == null) throw new IllegalArgumentException("json == null");
    try (JsonParser parser = FACTORY.createParser(json)) {
      Object value = JR.anyFrom(parser);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException(
            "malformed JSON: trailing content at offset " + parser.currentTokenLocation().getCharOffset());
      }
      return value;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at offset " + e.getLocation().getCharOffset();
      throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage() + where, e);
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed JSON: " + e, e);
    }
  }

  /** A string, number, boolean, {@code null}, or maps and lists of these, as JSON text. */
  public static String write(Object value) {
    return generate(g -> JR.write(value, g));
  }

  /** The value {@code body} writes, as JSON text. */
  public static String generate(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory", e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /** RFC 8259's escapes, plus U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR. */
  private static final class ScriptSafeEscapes extends CharacterEscapes {
    private static final int[] ASCII = standardAsciiEscapesForJSON();
    private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return switch (ch) {
        case 0x2028 -> LINE_SEPARATOR;
        case 0x2029 -> PARAGRAPH_SEPARATOR;
        default -> null;
      };
    }
  }
}
