package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.empathyivr.Main;
import org.junit.jupiter.api.Test;

class ReflectCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8).strip();
  }

  @Test
  void printsTheReflectionWithItsLeadIn() {
    assertEquals(0, run("reflect", "um so basically i was charged twice for my bill"));
    assertTrue(printed().toLowerCase().contains("you were charged twice for your bill."), printed());
    assertFalse(printed().contains("sorry") || printed().contains("frustrat"), "no feeling was shown: " + printed());
  }

  @Test
  void acknowledgesAFeelingBeforeTheReflection() {
    assertEquals(0, run("reflect", "I'm so frustrated, my router has been blinking red for three days!"));
    String said = printed().toLowerCase();
    assertTrue(said.indexOf("your router has been blinking red for three days") > said.indexOf("."), said);
    assertFalse(said.contains("i'm so frustrated"), said);
  }

  @Test
  void saysWhenThereIsNothingToReflect() {
    assertEquals(1, run("reflect", "um uh hello"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("nothing to say back"));
    assertEquals(2, run("reflect"));
  }
}
