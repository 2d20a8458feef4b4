package org.empathyivr.domain.dialog;

import java.util.Optional;

/**
 * Who is calling, as far as we know.
 *
 * @param number the caller-ID number, or empty when withheld or unknown
 * @param name the caller's full name, or empty
 * @param nameSource where the name came from
 */
public record Caller(Optional<String> number, Optional<String> name, NameSource nameSource) {
  public enum NameSource {
    DIRECTORY("directory"),
    CALLER_ID("caller-id"),
    /** The caller said it when asked, and the recognizer was sure of it. */
    SPOKEN("spoken"),
    NONE("none");

    private final String label;

    NameSource(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public Caller {
    if (name.isEmpty() != (nameSource == NameSource.NONE)) {
      throw new IllegalArgumentException("name " + name + " with source " + nameSource);
    }
  }

  /** The first word of the name, for greeting; empty without a name. */
  public Optional<String> firstName() {
    return name.map(n -> n.trim().split("\\s+")[0]);
  }
}
