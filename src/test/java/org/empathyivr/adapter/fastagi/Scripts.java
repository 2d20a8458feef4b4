package org.empathyivr.adapter.fastagi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.empathyivr.app.SupportLine;
import org.empathyivr.adapter.storage.CsvCallerDirectory;
import org.empathyivr.adapter.timing.TurnTiming;
import org.empathyivr.config.SettingsReader;
import org.empathyivr.domain.port.Clock;
import org.empathyivr.domain.port.HandoffStore;

/** The real support line script over scripted speech and an in-memory store, with its spool in {@code spool}. */
final class Scripts {
  private Scripts() {}

  static SupportLineAgiScript supportLine(Path spool, ScriptedSpeech speech, HandoffStore store, int maxCalls)
      throws Exception {
    return supportLine(spool, speech, store, maxCalls, new BusyHandoffs(store));
  }

  static SupportLineAgiScript supportLine(
      Path spool, ScriptedSpeech speech, HandoffStore store, int maxCalls, BusyHandoffs busyHandoffs) throws Exception {
    SupportLineAgiScript script =
        new SupportLineAgiScript(
            speech, speech, CsvCallerDirectory.empty(), store, Clock.SYSTEM,
            SettingsReader.read(Map.of()).dialog(), SupportLine.phraseBook(Optional.empty()),
            new CallSpool(spool, Duration.ZERO), new PromptFiles(spool), new Whispers(spool, speech), busyHandoffs,
            maxCalls, TurnTiming.NONE, Optional.empty());
    script.prepare();
    script.renderFixedPrompts();
    return script;
  }
}
