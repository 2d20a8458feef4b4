package org.empathyivr.domain.dialog;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.empathyivr.domain.port.CallerDirectory;

/** A caller directory held in a map of number to full name; its first names are the first words of those names. */
final class InMemoryCallerDirectory implements CallerDirectory {
  private final Map<String, String> namesByNumber;
  private final Optional<String> everyNumber;

  private InMemoryCallerDirectory(Map<String, String> namesByNumber, Optional<String> everyNumber) {
    this.namesByNumber = Map.copyOf(namesByNumber);
    this.everyNumber = everyNumber;
  }

  /** Callers by number: {@code "5551234" -> "Maria Lopez"}. */
  static InMemoryCallerDirectory of(Map<String, String> namesByNumber) {
    return new InMemoryCallerDirectory(namesByNumber, Optional.empty());
  }

  /** No caller is listed. */
  static InMemoryCallerDirectory empty() {
    return of(Map.of());
  }

  /** Whatever the number, the same caller: {@code name}. */
  static InMemoryCallerDirectory everyNumber(String name) {
    return new InMemoryCallerDirectory(Map.of(), Optional.of(name));
  }

  @Override
  public Optional<String> nameFor(String number) {
    return everyNumber.or(() -> Optional.ofNullable(namesByNumber.get(number)));
  }

  @Override
  public Set<String> firstNames() {
    return Stream.concat(namesByNumber.values().stream(), everyNumber.stream())
        .map(name -> name.strip().split("\\s+")[0].toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }
}
