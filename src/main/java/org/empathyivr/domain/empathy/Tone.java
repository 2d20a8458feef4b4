package org.empathyivr.domain.empathy;

/**
 * How the assistant speaks to the caller: calmly, or, to a caller who is upset, more softly, more slowly and more
 * apologetically. A phrasebook id may have a variant for an upset caller, {@code id + ".upset"}; without one the calm
 * line serves both.
 */
public enum Tone {
  CALM(""),
  UPSET(".upset");

  private final String suffix;

  Tone(String suffix) {
    this.suffix = suffix;
  }

  /** The phrasebook id to say {@code id} in this tone, when the book has it. */
  String idFor(String id) {
    return id + suffix;
  }
}
