package org.empathyivr.domain.port;

import java.util.Optional;

/** Known callers by telephone number. Thread-safe. */
public interface CallerDirectory {

  /**
   * The caller's full name for a number as Asterisk gives it (digits, perhaps a leading {@code +}), or empty when the
   * number is unknown.
   */
  Optional<String> nameFor(String number);
}
