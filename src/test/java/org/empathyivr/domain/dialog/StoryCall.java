package org.empathyivr.domain.dialog;

import java.util.Optional;
import org.empathyivr.domain.empathy.PhraseBook;
import org.empathyivr.domain.port.CallerDirectory;

/**
 * What a story of one whole call needs: the scripted caller, speech as text, a store in memory, and the conversation
 * they meet, with the phrasebook the service ships and the default settings.
 */
final class StoryCall {
  private static final String CHANNEL = "Local/s@caller-00000001;1";
  private static final PhraseBook PHRASES = TheBundledPhraseBook.load();

  final ScriptedCallChannel channel = new ScriptedCallChannel();
  final TextAsAudio speech = new TextAsAudio();
  final InMemoryHandoffStore store = new InMemoryHandoffStore();

  /** Runs the call from {@code number} (caller-ID name {@code callerIdName}, either may be absent) to its end. */
  Outcome run(String callId, Optional<String> number, Optional<String> callerIdName, CallerDirectory directory) {
    IncomingCall call = new IncomingCall(callId, CHANNEL, number, callerIdName);
    return new Conversation(call, channel, speech, speech, directory, store, new FixedClock(),
            DialogSettings.defaults(), PHRASES)
        .run();
  }

  static PhraseBook phrases() {
    return PHRASES;
  }
}
