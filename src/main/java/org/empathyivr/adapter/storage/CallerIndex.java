package org.empathyivr.adapter.storage;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Callers' names by the digits of their numbers, as every caller directory matches them: {@code +1 (555) 123-4567}
 * and {@code 15551234567} are the same caller, and numbers of ten or more digits also match on their last ten, so a
 * country prefix does not hide a caller. Built once, then read-only and thread-safe.
 */
final class CallerIndex {
  private static final int NATIONAL_DIGITS = 10;

  private final Map<String, String> byDigits = new HashMap<>();

  /** Adds a caller; false when the number has no digits. The first caller with a last-ten-digits match keeps it. */
  boolean add(String number, String name) {
    String digits = digits(number);
    if (digits.isEmpty()) return false;
    byDigits.put(digits, name);
    if (digits.length() > NATIONAL_DIGITS) byDigits.putIfAbsent(lastDigits(digits), name);
    return true;
  }

  Optional<String> nameFor(String number) {
    String digits = digits(number);
    if (digits.isEmpty()) return Optional.empty();
    String name = byDigits.get(digits);
    if (name == null && digits.length() > NATIONAL_DIGITS) name = byDigits.get(lastDigits(digits));
    return Optional.ofNullable(name);
  }

  /** Every listed caller's first name, lower case, letters and apostrophes only. */
  Set<String> firstNames() {
    Set<String> names = new TreeSet<>();
    for (String name : byDigits.values()) {
      String first = name.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
      if (first.matches("\\p{L}[\\p{L}']*")) names.add(first);
    }
    return Collections.unmodifiableSet(names);
  }

  int size() {
    return byDigits.size();
  }

  static String digits(String number) {
    return number.replaceAll("[^0-9]", "");
  }

  private static String lastDigits(String digits) {
    return digits.substring(digits.length() - NATIONAL_DIGITS);
  }
}
