package org.empathyivr.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallCorpusTest {
  @TempDir Path folder;

  private Path corpusFile() throws Exception {
    TestAudio.wav(folder.resolve("internet.wav"), 8000, 8000, Optional.empty());
    TestAudio.wav(folder.resolve("yes.wav"), 8000, 8000, Optional.empty());
    return folder.resolve("corpus.tsv");
  }

  private CallCorpus parse(String... lines) throws Exception {
    return CallCorpus.parse(String.join("\n", lines) + "\n", corpusFile());
  }

  private static String line(String... cells) {
    return String.join("\t", cells);
  }

  @Test
  void readsACallWithItsTurnsFromTheCorpusFolder() throws Exception {
    CallCorpus corpus = parse("# a header", "",
        line("conf-01", "5551234", "Maria Lopez", "silence internet.wav yes.wav", "confirmed", "internet|drop~dropping",
            "not right"));
    ScriptedCall call = corpus.calls().get(0);
    assertEquals("conf-01", call.id());
    assertEquals(3, call.line());
    assertEquals(Optional.of(new ScriptedCall.CallerId("5551234", "Maria Lopez")), call.callerId());
    assertEquals(List.of(CallerTurn.silence(), CallerTurn.says(folder.resolve("internet.wav")),
        CallerTurn.says(folder.resolve("yes.wav"))), call.turns());
    assertEquals("confirmed", call.reason());
    assertEquals(List.of(SummaryTerm.parse("internet"), SummaryTerm.parse("drop~dropping")), call.mustContain());
    assertEquals(List.of(SummaryTerm.parse("not right")), call.mustNotContain());
  }

  @Test
  void readsKeysHangUpsAndCallsWithoutCallerId() throws Exception {
    CallCorpus corpus = parse(
        line("zero", "-", "-", "dtmf:0", "caller-asked", "-", "-"),
        line("hang", "5550100", "-", "hangup-after:internet.wav hangup", "caller-hung-up", "internet", "-"));
    assertEquals(Optional.empty(), corpus.calls().get(0).callerId());
    assertEquals(List.of(CallerTurn.keys('0')), corpus.calls().get(0).turns());
    assertEquals(List.of(), corpus.calls().get(0).mustContain());
    assertEquals(Optional.of(new ScriptedCall.CallerId("5550100", "5550100")), corpus.calls().get(1).callerId());
    assertEquals(List.of(CallerTurn.hangUpAfter(folder.resolve("internet.wav")), CallerTurn.hangUp(Duration.ZERO)),
        corpus.calls().get(1).turns());
  }

  @Test
  void namesTheLineOfAMalformedCall() throws Exception {
    Map<String, String> malformed = Map.of(
        line("a", "-", "-", "silence", "confirmed", "-"), "want 7 tab-separated columns, found 6",
        line("a", "-", "-", "silence", "happy", "-", "-"), "unknown reason 'happy'",
        line("a", "-", "-", "missing.wav", "confirmed", "-", "-"), "no caller audio",
        line("a", "-", "-", "dtmf:", "confirmed", "-", "-"), "dtmf turn takes one key",
        line("a", "-", "-", "silence", "confirmed", "", "-"), "column 6 is empty",
        line("a", "-", "Maria", "silence", "confirmed", "-", "-"), "a caller-id name without a number",
        line("a", "-", "-", "silence", "confirmed", "bill~", "-"), "empty spelling");
    for (Map.Entry<String, String> bad : malformed.entrySet()) {
      CallCorpus.MalformedCorpus e = assertThrows(CallCorpus.MalformedCorpus.class,
          () -> parse("# header", line("ok", "-", "-", "silence", "retries-exhausted", "-", "-"), bad.getKey()));
      assertTrue(e.getMessage().startsWith(folder.resolve("corpus.tsv") + " line 3: "), e.getMessage());
      assertTrue(e.getMessage().contains(bad.getValue()), e.getMessage());
    }
  }

  @Test
  void refusesAnIdUsedTwiceAndAnEmptyCorpus() throws Exception {
    String call = line("a", "-", "-", "silence", "retries-exhausted", "-", "-");
    assertTrue(assertThrows(CallCorpus.MalformedCorpus.class, () -> parse(call, call)).getMessage()
        .endsWith("line 2: id a used twice"));
    assertThrows(CallCorpus.MalformedCorpus.class, () -> parse("# only a comment"));
  }

  @Test
  void theCommittedCorpusParses() throws Exception {
    CallCorpus corpus = CallCorpus.read(Path.of(getClass().getResource("/calls/corpus.tsv").toURI()));
    assertTrue(corpus.calls().size() >= 60, "calls: " + corpus.calls().size());
  }
}
