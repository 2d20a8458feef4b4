package org.empathyivr.domain.port;

import java.util.Optional;
import java.util.Set;

/** Known callers by telephone number. Thread-safe. */
public interface CallerDirectory {

  /**
   * The caller's full name for a number as Asterisk gives it (digits, perhaps a leading {@code +}), or empty when the
   * number is unknown.
   */
  Optional<String> nameFor(String number);

  /**
   * The listed callers' first names, lower case: candidates when a caller (perhaps calling from another number) is
   * asked for their name. Empty for a directory that cannot list its callers.
   */
  Set<String> firstNames();
}
