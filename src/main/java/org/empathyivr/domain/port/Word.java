package org.empathyivr.domain.port;

/**
 * One recognized word with its timing (seconds from the start of the audio) and confidence in [0, 1].
 */
public record Word(String text, double startSeconds, double endSeconds, double confidence) {}
