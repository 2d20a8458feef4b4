package org.empathyivr.domain.port;

/**
 * A sentence the assistant says, with its synthesized audio.
 *
 * @param text what the caller should hear, as written
 * @param audio the synthesized speech
 * @param reusable true for fixed prompts that may be kept and played to other callers; false for prompts that carry
 *     something of this call (a name, a reflection), which must not outlive the call
 * @param continuesLine true when this prompt goes on with the line of the prompt played just before it (a line is
 *     played in parts: a fixed lead-in, then the caller's words), false when it starts a line
 * @param heardWhole true for a prompt the caller must hear whole (the handoff announcement): speaking over it does not
 *     stop it (keys still do where the dialog allows them)
 */
public record SpokenPrompt(String text, Audio audio, boolean reusable, boolean continuesLine, boolean heardWhole) {
  public SpokenPrompt {
    if (text == null) throw new IllegalArgumentException("text == null");
    if (audio == null) throw new IllegalArgumentException("audio == null");
  }

  /** A prompt that starts a line, and that the caller may interrupt by speaking. */
  public SpokenPrompt(String text, Audio audio, boolean reusable) {
    this(text, audio, reusable, false, false);
  }
}
