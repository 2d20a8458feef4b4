package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.empathyivr.simulate.SessionResult;
import org.empathyivr.simulate.SimulatedAsterisk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole calls: the simulated Asterisk dials the real FastAGI server, which answers with real FreeTTS prompts and
 * hears the caller's WAV files with real Vosk. Each story checks what the caller heard, what Asterisk was told, and
 * what was stored for the agent.
 */
class SupportLineCallIT {
  @TempDir static Path root;
  private static RunningSupportLine line;

  @BeforeAll
  static void startTheLine() throws Exception {
    line = RunningSupportLine.start(root, "+1 (555) 555-0100,Dana Whitfield\n");
  }

  @AfterAll
  static void stopTheLine() throws Exception {
    if (line != null) line.close();
  }

  @Test
  void reflectsTheIssueInTheSecondPersonAndHandsOffConfirmedAfterYes() throws Exception {
    SessionResult call = line.call("5551234", "Maria Lopez", "internet-dropping.wav", "yes.wav");

    List<String> said = Calls.replies(call);
    assertTrue(said.get(0).startsWith("Hello Maria."), said.toString());
    String reflection = said.get(1);
    assertTrue(reflection.contains("internet") && reflection.contains("dropping"), reflection);
    assertTrue(reflection.toLowerCase().matches(".*\\byour internet\\b.*"), "speaks to the caller: " + reflection);
    assertTrue(reflection.endsWith("?"), reflection);
    assertEquals("confirmed", call.variable("HANDOFF_REASON").orElseThrow());
    assertEquals("1", call.variable("HANDOFF").orElseThrow());
    assertEquals("support", call.variable("HANDOFF_QUEUE").orElseThrow());
    assertEquals("H-" + Calls.uniqueId(call), call.variable("HANDOFF_ID").orElseThrow());
    String summary = call.variable("HANDOFF_SUMMARY").orElseThrow();
    assertTrue(summary.startsWith("Maria Lopez (5551234): \"my internet"), summary);
    assertTrue(summary.contains("confirmed"), summary);
    assertEquals(Optional.of("SUCCESS"), call.ajAgiStatus());
    assertEquals("SUCCESS", call.agiStatus(), "no prompt failed to play and no recording failed to write");
    assertTrue(line.storedHandoffs().stream().anyMatch(h -> h.contains("\"H-" + Calls.uniqueId(call) + "\"")));
    assertFalse(Files.exists(line.spool.resolve("calls").resolve(Calls.uniqueId(call))), "the call's files are gone");
  }

  @Test
  void sendsAsteriskExactlyTheCommandsItUnderstands() throws Exception {
    SessionResult call = line.call("5551234", "Maria Lopez", "internet-dropping.wav", "yes.wav");

    String spool = Pattern.quote(line.spool.toString());
    String callDir = spool + "/calls/" + Pattern.quote(Calls.uniqueId(call));
    List<String> commands = Calls.commands(call);
    Calls.assertMatches(
        commands,
        "ANSWER",
        // "Hello Maria.", then the rest of the greeting and the question, made before the call
        "STREAM FILE \"" + callDir + "/say-1\" \"0\"",
        "STREAM FILE \"" + spool + "/prompts/p-[0-9a-f]{24}\" \"0\"",
        "STREAM FILE \"" + spool + "/prompts/p-[0-9a-f]{24}\" \"0\"",
        "RECORD FILE \"" + callDir + "/rec-4\" \"wav\" \"0#\" 45000 0 s=3",
        // the fixed lead-in plays while the reflection is synthesized, then "Is that right?"
        "STREAM FILE \"" + spool + "/prompts/p-[0-9a-f]{24}\" \"120\"",
        "STREAM FILE \"" + callDir + "/say-6\" \"120\"",
        "STREAM FILE \"" + spool + "/prompts/p-[0-9a-f]{24}\" \"120\"",
        "RECORD FILE \"" + callDir + "/rec-8\" \"wav\" \"012#\" 8000 0 s=2",
        "STREAM FILE \"" + spool + "/prompts/p-[0-9a-f]{24}\" \"\"",
        "STREAM FILE \"" + callDir + "/say-10\" \"\"",
        "STREAM FILE \"" + spool + "/prompts/p-[0-9a-f]{24}\" \"\"",
        "SET VARIABLE \"__HANDOFF_ID\" \"H-" + Pattern.quote(Calls.uniqueId(call)) + "\"",
        "SET VARIABLE \"__HANDOFF_QUEUE\" \"support\"",
        "SET VARIABLE \"__HANDOFF_PRIORITY\" \"5\"",
        "SET VARIABLE \"__HANDOFF_REASON\" \"confirmed\"",
        "SET VARIABLE \"__HANDOFF_SUMMARY\" \"Maria Lopez \\(5551234\\): \\\\\"my internet[^\"]*\\\\\" \\(confirmed by the caller\\); reason: confirmed\"",
        "SET VARIABLE \"__HANDOFF_WHISPER\" \"" + spool + "/whispers/whisper-H-" + Pattern.quote(Calls.uniqueId(call)) + "\"",
        "SET VARIABLE \"__HANDOFF\" \"1\"",
        "SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"");
  }

  @Test
  void whispersTheCallersStoryToTheAgentBeforeTheCallIsBridged() throws Exception {
    SessionResult call = line.call("5551234", "Maria Lopez", "internet-dropping.wav", "yes.wav");

    String whisper = call.variable("HANDOFF_WHISPER").orElseThrow();
    Path wav = Path.of(whisper + ".wav");
    assertTrue(Files.exists(wav), "Asterisk plays " + whisper + " and finds " + wav);
    org.empathyivr.domain.port.Audio audio = org.empathyivr.adapter.audio.WavFile.read(wav);
    assertEquals(8000, audio.sampleRateHz(), "telephone audio, as the prompts");
    String heard = line.speechToText().transcribe(audio).text();
    assertTrue(heard.contains("internet") && heard.contains("dropping"), "the agent hears the issue: " + heard);
    assertTrue(heard.contains("maria"), "and who is calling: " + heard);
    assertTrue(line.storedHandoffs().get(0).contains("\"spoken\":\"Maria Lopez says their internet"),
        "the page and webhooks carry the same sentence");
  }

  @Test
  void theAgentsToolsReceiveTheStoredHandoffByWebhook() throws Exception {
    SessionResult call = line.call("5551234", "Maria Lopez", "internet-dropping.wav", "yes.wav");

    String id = call.variable("HANDOFF_ID").orElseThrow();
    String posted = line.postedToWebhook(id, java.time.Duration.ofSeconds(30)).orElse("nothing posted");
    assertTrue(posted.contains("\"id\":\"" + id + "\""), posted);
    assertTrue(posted.contains("\"reason\":\"confirmed\""), posted);
    assertTrue(line.storedHandoffs().contains(posted), "the webhook carries the stored record: " + posted);
  }

  @Test
  void operatorsSeeTheCallInMetricsAndTheLineHealthy() throws Exception {
    line.call("5551234", "Maria Lopez", "internet-dropping.wav", "yes.wav");

    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    String metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(line.agentPageUrl() + "metrics"))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    assertTrue(metrics.contains("empathyivr_calls_in_progress 0.0\n"), metrics);
    assertTrue(Pattern.compile("empathyivr_calls_total [1-9]").matcher(metrics).find(), metrics);
    assertTrue(Pattern.compile("empathyivr_handoffs_total\\{reason=\"confirmed\"} [1-9]").matcher(metrics).find(), metrics);
    assertTrue(Pattern.compile("empathyivr_turn_seconds_count [1-9]").matcher(metrics).find(), metrics);
    assertTrue(Pattern.compile("empathyivr_recognition_seconds_count [1-9]").matcher(metrics).find(), metrics);
    var health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(line.agentPageUrl() + "health"))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode(), health.body());
    assertTrue(health.body().startsWith("{\"status\":\"ok\",\"model\":\"ok\",\"store\":\"ok\""), health.body());
  }

  @Test
  void greetsByTheDirectoryNameBeforeTheCallerIdName() throws Exception {
    SessionResult call = line.call("5555550100", "WIRELESS CALLER", "agent.wav");

    assertTrue(Calls.promptsHeard(call).get(0).startsWith("Hello Dana."), Calls.promptsHeard(call).toString());
    assertTrue(call.variable("HANDOFF_SUMMARY").orElseThrow().startsWith("Dana Whitfield"));
  }

  @Test
  void greetsByTheCallerIdNameWhenTheNumberIsUnknown() throws Exception {
    SessionResult call = line.call("5557777", "Jörg \"J\" Ünal", "agent.wav");

    assertTrue(Calls.promptsHeard(call).get(0).startsWith("Hello Jörg."), Calls.promptsHeard(call).toString());
  }

  @Test
  void greetsWarmlyWithoutANameWhenCallerIdIsUnknown() throws Exception {
    SessionResult call = line.call("unknown", "unknown", "agent.wav");

    String greeting = Calls.promptsHeard(call).get(0);
    assertTrue(greeting.startsWith("Hello, and thank"), greeting);
    assertFalse(greeting.toLowerCase().contains("unknown"), greeting);
  }

  @Test
  void apologisesAfterNoAndReflectsTheCorrection() throws Exception {
    SessionResult call =
        line.call("5551234", "Maria Lopez", "internet-dropping.wav", "no-my-email-stopped.wav", "yes.wav");

    List<String> said = Calls.replies(call);
    assertTrue(said.get(2).contains("correcting me") || said.get(2).contains("putting me right"), said.toString());
    assertTrue(said.get(2).toLowerCase().contains("your email"), "reflects the correction: " + said);
    assertEquals("confirmed", call.variable("HANDOFF_REASON").orElseThrow());
    String summary = call.variable("HANDOFF_SUMMARY").orElseThrow();
    assertTrue(summary.contains("email") && !summary.contains("internet"), "the agent gets the corrected issue: " + summary);
  }

  @Test
  void repromptsGentlyOnSilenceAndHandsOffWhenNothingIsHeard() throws Exception {
    SessionResult call = line.call("5551234", "Maria Lopez", "silence", "silence", "silence");

    List<String> said = Calls.replies(call);
    assertTrue(said.get(1).startsWith("I'm still here") || said.get(1).contains("catch that")
        || said.get(1).startsWith("Take your time"), said.toString());
    assertFalse(said.get(1).equals(said.get(2)), "never the same words twice in a row");
    assertEquals("retries-exhausted", call.variable("HANDOFF_REASON").orElseThrow());
  }

  @Test
  void takesKeypadOneAsYes() throws Exception {
    SessionResult call = line.call("5551234", "Maria Lopez", "internet-dropping.wav", "dtmf:1");

    assertEquals("confirmed", call.variable("HANDOFF_REASON").orElseThrow());
  }

  @Test
  void handsOffAtOnceWhenTheCallerAsksForAnAgent() throws Exception {
    SessionResult spoken = line.call("5551234", "Maria Lopez", "agent.wav");
    SessionResult keyed = line.call("5551234", "Maria Lopez", "dtmf:0");

    assertEquals("caller-asked", spoken.variable("HANDOFF_REASON").orElseThrow());
    assertEquals("caller-asked", keyed.variable("HANDOFF_REASON").orElseThrow());
    assertEquals(2, Calls.promptsHeard(keyed).size(), "the greeting, then straight to a person: " + Calls.promptsHeard(keyed));
  }

  @Test
  void aHangupAtEveryStepStillHandsOffWhatWasCaptured() throws Exception {
    List<List<String>> scripts =
        List.of(
            List.of("hangup"),
            List.of("hangup-after:internet-dropping.wav"),
            List.of("internet-dropping.wav", "hangup"),
            List.of("internet-dropping.wav", "no.wav", "hangup"),
            List.of("internet-dropping.wav", "yes.wav", "hangup"),
            List.of("silence", "hangup"));
    for (List<String> turns : scripts) {
      int storedBefore = line.storedHandoffs().size();
      SessionResult call = line.call("5551234", "Maria Lopez", turns.toArray(String[]::new));

      assertEquals("1", call.variable("HANDOFF").orElse("unset"), turns + ": " + call.wire());
      String reason = call.variable("HANDOFF_REASON").orElseThrow();
      assertTrue(reason.equals("caller-hung-up") || (turns.contains("yes.wav") && reason.equals("confirmed")),
          turns + " -> " + reason);
      assertEquals(storedBefore + 1, line.storedHandoffs().size(), turns + " is stored");
      if (turns.get(0).contains("internet-dropping")) {
        assertTrue(call.variable("HANDOFF_SUMMARY").orElseThrow().contains("internet"), turns + " keeps the issue");
      }
    }
  }
}
