package org.empathyivr.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The application argument as app_audiosocket.c reads it (AST_STANDARD_APP_ARGS, uuid_parse, PARSE_PORT_REQUIRE). */
class AudioSocketArgumentsTest {
  private static final String UUID = "0f8b6c5e-2f3a-4a1b-9c4d-5e6f7a8b9c0d";

  @Test
  void uuidCommaServerGivesTheUuidBytesInStringOrder() {
    var target = assertInstanceOf(AudioSocketArguments.Target.class,
        AudioSocketArguments.parse(UUID + ",127.0.0.1:9092"));
    assertArrayEquals(HexFormat.of().parseHex("0f8b6c5e2f3a4a1b9c4d5e6f7a8b9c0d"), target.uuidBytes());
    assertEquals("127.0.0.1", target.host());
    assertEquals(9092, target.port());
  }

  @Test
  void theUuidIsTakenInEitherCaseAndV6ServersInBrackets() {
    var target = assertInstanceOf(AudioSocketArguments.Target.class,
        AudioSocketArguments.parse(UUID.toUpperCase() + ",[::1]:9092"));
    assertEquals("::1", target.host());
  }

  @Test
  void whatAsteriskRefusesAndWhatItLogs() {
    assertEquals("ERROR app_audiosocket.c: UUID is required", refused(""));
    assertEquals("ERROR res_audiosocket.c: No AudioSocket server provided", refused(UUID));
    assertEquals("ERROR res_audiosocket.c: No AudioSocket server provided", refused(UUID + ","));
    assertEquals("ERROR app_audiosocket.c: Failed to parse UUID '" + UUID + "|127.0.0.1:9092'",
        refused(UUID + "|127.0.0.1:9092"));
    assertEquals("ERROR app_audiosocket.c: Failed to parse UUID 'not-a-uuid'", refused("not-a-uuid,127.0.0.1:9092"));
    assertEquals("ERROR res_audiosocket.c: Failed to resolve AudioSocket service using '127.0.0.1' - requires a valid"
        + " hostname and port", refused(UUID + ",127.0.0.1"));
    assertEquals("ERROR res_audiosocket.c: Failed to resolve AudioSocket service using '127.0.0.1:9092,x' - requires"
        + " a valid hostname and port", refused(UUID + ",127.0.0.1:9092,x"), "the server field is the whole rest");
  }

  @Test
  void quotesAndBackslashesAreRemovedFromTheUuidField() {
    assertInstanceOf(AudioSocketArguments.Target.class, AudioSocketArguments.parse("\"" + UUID + "\",127.0.0.1:1"));
    assertEquals(UUID, AudioSocketArguments.separate("\\" + UUID + ",h:1")[0]);
    assertEquals("a,b", AudioSocketArguments.separate("\"a,b\",h:1")[0], "a quoted comma does not split");
  }

  private static String refused(String data) {
    return assertInstanceOf(AudioSocketArguments.Refused.class, AudioSocketArguments.parse(data)).log();
  }
}
