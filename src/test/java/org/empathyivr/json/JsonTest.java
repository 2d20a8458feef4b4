package org.empathyivr.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void readsObjectsInDocumentOrder() {
    Map<?, ?> parsed = (Map<?, ?>) Json.read("{\"b\": 1, \"a\": [true, null, 0.5], \"c\": \"x\"}");

    assertEquals(List.of("b", "a", "c"), List.copyOf(parsed.keySet()));
  }

  @Test
  void refusesMalformedInputAndTrailingContentAsIllegalArguments() {
    for (String bad : List.of("", "{", "[1,]", "{a:1}", "\"line\nbreak\"", "{} {}", "[1] x")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.read(bad), bad);
      assertTrue(e.getMessage().startsWith("malformed JSON: "), e.getMessage());
    }
  }

  @Test
  void writesOneLineEscapingLineAndParagraphSeparatorsButNotOtherText() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("text", "a \"b\"\\\n\u2028\u2029 café");
    value.put("n", 3);

    assertEquals("{\"text\":\"a \\\"b\\\"\\\\\\n\\u2028\\u2029 café\",\"n\":3}", Json.write(value));
  }
}
