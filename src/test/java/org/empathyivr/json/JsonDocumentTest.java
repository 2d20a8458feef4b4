package org.empathyivr.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonDocumentTest {

  @Test
  void readsVosksPrettyPrintedResult() {
    String json =
        """
        {
          "result" : [{
              "conf" : 0.773651,
              "end" : 1.020000,
              "start" : 0.720000,
              "word" : "keep"
            }],
          "text" : "keep"
        }""";

    Object parsed = JsonDocument.parse(json);

    assertEquals(
        Map.of("result", List.of(Map.of("conf", 0.773651, "end", 1.02, "start", 0.72, "word", "keep")), "text", "keep"),
        parsed);
  }

  @Test
  void keepsMembersInDocumentOrder() {
    Map<?, ?> parsed = (Map<?, ?>) JsonDocument.parse("{\"b\": 1, \"a\": 2, \"c\": 3}");

    assertEquals(List.of("b", "a", "c"), List.copyOf(parsed.keySet()));
  }

  @Test
  void readsEmptyContainersLiteralsAndNumbers() {
    assertEquals(Map.of(), JsonDocument.parse("{ }"));
    assertEquals(List.of(), JsonDocument.parse("[ ]"));
    assertEquals(List.of(true, false, -1.5e3, 0.0), JsonDocument.parse("[true,false,-1.5e3,0]"));
    assertNull(JsonDocument.parse(" null "));
  }

  @Test
  void decodesStringEscapes() {
    assertEquals("it's \"quoted\"\\/\n\t\u00e9", JsonDocument.parse("\"it's \\\"quoted\\\"\\\\\\/\\n\\t\\u00e9\""));
  }

  @Test
  void keepsNonAsciiTextAsIs() {
    assertEquals("café", JsonDocument.parse("\"café\""));
  }

  @Test
  void refusesMalformedInputNamingTheOffset() {
    for (String bad :
        List.of("", "{", "{\"text\" \"x\"}", "[1,]", "[1 2]", "\"open", "\"bad \\q\"", "tru", "{} {}", "-", "{a:1}")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonDocument.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("malformed JSON at offset "), e.getMessage());
    }
  }

  @Test
  void refusesRawControlCharactersInStrings() {
    assertThrows(IllegalArgumentException.class, () -> JsonDocument.parse("\"line\nbreak\""));
  }
}
