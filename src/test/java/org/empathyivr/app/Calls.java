package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.empathyivr.simulate.SessionResult;
import org.empathyivr.simulate.Event;

/** Reading a simulated call: what the caller heard and what the service sent. */
final class Calls {
  private Calls() {}

  /** The text of every prompt played, in order (from the comment the service writes into each WAV). */
  static List<String> promptsHeard(SessionResult call) {
    return call.events().stream()
        .filter(e -> e instanceof Event.PromptPlayed)
        .map(e -> ((Event.PromptPlayed) e).text().orElse("?"))
        .toList();
  }

  /**
   * What the assistant said between the caller's turns, each stretch as one text: a line is played in parts (a fixed
   * lead-in, then the caller's own words), and lines said one after the other are heard as one reply.
   */
  static List<String> replies(SessionResult call) {
    List<String> replies = new java.util.ArrayList<>();
    StringBuilder reply = new StringBuilder();
    for (Event e : call.events()) {
      if (e instanceof Event.PromptPlayed played) {
        if (reply.length() > 0) reply.append(' ');
        reply.append(played.text().orElse("?"));
      } else if ((e instanceof Event.Recorded || e instanceof Event.RecordFailed) && reply.length() > 0) {
        replies.add(reply.toString());
        reply.setLength(0);
      }
    }
    if (reply.length() > 0) replies.add(reply.toString());
    return replies;
  }

  /** The service's commands, as sent. */
  static List<String> commands(SessionResult call) {
    return call.wire().stream().filter(l -> l.startsWith(">> ")).map(l -> l.substring(3)).toList();
  }

  static String uniqueId(SessionResult call) {
    return call.wire().stream()
        .filter(l -> l.startsWith("<< agi_uniqueid: "))
        .findFirst()
        .orElseThrow()
        .substring("<< agi_uniqueid: ".length());
  }

  /** Each line matches its regular expression, and there are as many lines as expressions. */
  static void assertMatches(List<String> lines, String... patterns) {
    for (int i = 0; i < Math.min(lines.size(), patterns.length); i++) {
      assertTrue(lines.get(i).matches(patterns[i]), "line " + i + ": " + lines.get(i) + "\n  !~ " + patterns[i]);
    }
    assertEquals(patterns.length, lines.size(), String.join("\n", lines));
  }
}
