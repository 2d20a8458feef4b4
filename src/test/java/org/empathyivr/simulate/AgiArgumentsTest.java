package org.empathyivr.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgiArgumentsTest {
  @Test
  void splitsOnSpacesAndTabs() {
    assertEquals(List.of("STREAM", "FILE", "hello-world", "#"), AgiArguments.parse("STREAM  FILE\thello-world #  "));
  }

  @Test
  void quotedArgumentsKeepSpacesAndEmptyQuotesAreAnArgument() {
    assertEquals(List.of("STREAM", "FILE", "/path/p-1", ""), AgiArguments.parse("STREAM FILE \"/path/p-1\" \"\""));
  }

  @Test
  void backslashMakesQuotesAndSpacesLiteral() {
    assertEquals(List.of("SET", "VARIABLE", "NAME", "a b \"c\""),
        AgiArguments.parse("SET VARIABLE NAME \"a b \\\"c\\\"\""));
    assertEquals(List.of("x y", "back\\slash"), AgiArguments.parse("x\\ y back\\\\slash"));
  }

  @Test
  void quoteInsideAWordTogglesQuotingWithoutSplitting() {
    assertEquals(List.of("ab c", "d"), AgiArguments.parse("a\"b c\" d"));
  }

  @Test
  void asteriskJavaQuotingOfEveryArgument() {
    assertEquals(List.of("SET", "VARIABLE", "HANDOFF", "1"), AgiArguments.parse("SET VARIABLE \"HANDOFF\" \"1\""));
  }
}
