package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.empathyivr.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An admin checks the properties file before restarting the service. */
class CheckConfigCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void aGoodFileIsOkWithExitZero() throws Exception {
    Path file = dir.resolve("empathy-ivr.properties");
    Files.writeString(file, "agi.port = 4600\nhandoff.queue = billing\n");

    assertEquals(0, run("check-config", file.toString()));

    assertEquals(String.join("\n",
        file + ": OK",
        file + ": FastAGI on 127.0.0.1:4600 (AGI(agi://HOST:4600/support)), this host only",
        file + ": AudioSocket on 127.0.0.1:9092 (Asterisk connects to 127.0.0.1:9092), this host only",
        ""), text(out));
    assertEquals("", text(err));
  }

  @Test
  void itSaysWhenAPortIsOpenToAnyHostAndWhereAsteriskConnects() throws Exception {
    Path file = dir.resolve("empathy-ivr.properties");
    Files.writeString(file, "agi.bind-address = 0.0.0.0\nagi.allowed-clients = 10.0.0.5\n"
        + "media.bind-address = 0.0.0.0\nmedia.connect-address = 10.0.0.9\n");

    assertEquals(0, run("check-config", file.toString()));

    assertEquals(String.join("\n",
        file + ": OK",
        file + ": FastAGI on 0.0.0.0:4573 (AGI(agi://HOST:4573/support)), only from 10.0.0.5",
        file + ": AudioSocket on 0.0.0.0:9092 (Asterisk connects to 10.0.0.9:9092), from ANY host: list your"
            + " Asterisk servers in media.allowed-clients",
        ""), text(out));
  }

  @Test
  void aWildcardAudioSocketAddressNeedsTheAddressAsteriskConnectsTo() throws Exception {
    Path file = dir.resolve("empathy-ivr.properties");
    Files.writeString(file, "media.bind-address = 0.0.0.0\nmedia.port = 4573\n");

    assertEquals(2, run("check-config", file.toString()));

    assertTrue(text(err).contains("'media.connect-address' must name the address Asterisk connects to"), text(err));
    assertTrue(text(err).contains("'media.port' must differ from 'agi.port' (4573)"), text(err));
  }

  @Test
  void aBadFileListsEachProblemWithItsKeyAndExitsTwo() throws Exception {
    Path file = dir.resolve("empathy-ivr.properties");
    Files.writeString(file, "agi.port = 99999\nagi.max-cals = 8\nspeech.voices = many\n");

    assertEquals(2, run("check-config", file.toString()));

    assertEquals(String.join("\n",
        file + ": 'agi.max-cals' is not a known key; did you mean 'agi.max-calls'?",
        file + ": 'agi.port' must be a whole number from 1 to 65535, got '99999'",
        file + ": 'speech.voices' must be a whole number from 1 to 16, got 'many'",
        file + ": 3 problems",
        ""), text(err));
    assertEquals("", text(out));
  }

  @Test
  void aMissingFileIsAProblemToo() {
    assertEquals(2, run("check-config", dir.resolve("nope.properties").toString()));

    assertEquals(dir.resolve("nope.properties") + ": config file " + dir.resolve("nope.properties")
        + " does not exist\n" + dir.resolve("nope.properties") + ": 1 problem\n", text(err));
  }

  @Test
  void withoutAFileItSaysHowToUseIt() {
    assertEquals(2, run("check-config"));

    assertEquals(true, text(err).startsWith("Missing required parameter: 'FILE'\nUsage: empathy-ivr check-config"),
        text(err));
  }

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
