package org.empathyivr.domain.dialog;

import java.time.Duration;
import org.empathyivr.domain.frustration.FrustrationSettings;
import org.empathyivr.domain.port.Listening;
import org.empathyivr.domain.port.TurnEnding;

/**
 * How patient the assistant is, and where it sends callers.
 *
 * @param issueListening how to record the caller describing the issue
 * @param answerListening how to record the answer to "is that right?"
 * @param maxIssueReprompts how many times to ask again when no issue was heard
 * @param maxCorrections how many times the caller may say "no" to a reflection before a human takes over
 * @param maxAnswerReprompts how many times to ask again when a yes or no was not heard
 * @param queue the agent queue for handoffs
 * @param priority the queue priority for ordinary handoffs
 * @param frustration when a frustrated caller is handed off at once, and with what priority
 */
public record DialogSettings(
    Listening issueListening,
    Listening answerListening,
    int maxIssueReprompts,
    int maxCorrections,
    int maxAnswerReprompts,
    String queue,
    int priority,
    FrustrationSettings frustration) {

  /** Keys the caller may press while listening: 0 for a person; 1 and 2 for yes and no. */
  public static final char KEY_PERSON = '0';

  public static final char KEY_YES = '1';
  public static final char KEY_NO = '2';

  public DialogSettings {
    if (frustration == null) throw new IllegalArgumentException("frustration == null");
    if (maxIssueReprompts < 0) throw new IllegalArgumentException("maxIssueReprompts < 0: " + maxIssueReprompts);
    if (maxCorrections < 0) throw new IllegalArgumentException("maxCorrections < 0: " + maxCorrections);
    if (maxAnswerReprompts < 0) throw new IllegalArgumentException("maxAnswerReprompts < 0: " + maxAnswerReprompts);
    if (queue == null || queue.isBlank()) throw new IllegalArgumentException("queue is blank");
    if (issueListening.stopKeys().indexOf(KEY_PERSON) < 0) {
      throw new IllegalArgumentException("issue stop keys must include " + KEY_PERSON + ": " + issueListening);
    }
    for (char key : new char[] {KEY_PERSON, KEY_YES, KEY_NO}) {
      if (answerListening.stopKeys().indexOf(key) < 0) {
        throw new IllegalArgumentException("answer stop keys must include " + key + ": " + answerListening);
      }
    }
  }

  /**
   * Sensible defaults: 45 s to describe the issue, 3 s of silence to end it (0.5 s after a finished sentence, 1.5 s
   * after an unfinished one where the assistant decides); 8 s and 2 s for an answer (0.4 s and 1 s).
   */
  public static DialogSettings defaults() {
    return new DialogSettings(
        new Listening(45_000, 3, "0#",
            TurnEnding.statement(Duration.ofMillis(500), Duration.ofMillis(1500))),
        new Listening(8_000, 2, "012#",
            TurnEnding.answer(Duration.ofMillis(400), Duration.ofMillis(1000))),
        2, 2, 2, "support", 5,
        FrustrationSettings.defaults());
  }
}
