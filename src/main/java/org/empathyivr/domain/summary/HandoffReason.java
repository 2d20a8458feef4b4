package org.empathyivr.domain.summary;

/** Why the assistant handed the call to a human. The label is what the dialplan and agents see. */
public enum HandoffReason {
  /** The caller confirmed the reflected issue. */
  CONFIRMED("confirmed"),
  /** The caller asked for a person. */
  CALLER_ASKED("caller-asked"),
  /** The caller could not be understood, or did not confirm, within the allowed attempts. */
  RETRIES_EXHAUSTED("retries-exhausted"),
  /** Speech or telephony failed. */
  ERROR("error"),
  /** The caller hung up before the assistant was done. */
  HUNG_UP("caller-hung-up"),
  /** Every line was taken (agi.max-calls calls in progress): the caller went straight to a human. */
  BUSY("busy"),
  /** The caller sounded frustrated: a human takes over at once, ahead in the queue. */
  FRUSTRATED("frustrated");

  private final String label;

  HandoffReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
