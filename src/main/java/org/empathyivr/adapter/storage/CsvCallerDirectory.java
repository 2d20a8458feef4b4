package org.empathyivr.adapter.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.empathyivr.domain.port.CallerDirectory;

/**
 * Callers listed in a CSV file of {@code number,name} lines (UTF-8; a header line, blank lines and {@code #}
 * comments are skipped; a name may be quoted and contain commas). Read once, at startup.
 *
 * <p>Numbers match on their digits: {@code +1 (555) 123-4567} and {@code 15551234567} are the same caller, and
 * numbers of ten or more digits also match on their last ten, so a country prefix does not hide a caller.
 */
public final class CsvCallerDirectory implements CallerDirectory {
  private static final int NATIONAL_DIGITS = 10;

  private final Map<String, String> byDigits;

  private CsvCallerDirectory(Map<String, String> byDigits) {
    this.byDigits = byDigits;
  }

  /** An empty directory. */
  public static CsvCallerDirectory empty() {
    return new CsvCallerDirectory(Map.of());
  }

  /** Reads the file; a malformed line fails with its line number. */
  public static CsvCallerDirectory read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    Map<String, String> byDigits = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      int comma = line.indexOf(',');
      if (comma < 0) throw new IOException(csv + ":" + (i + 1) + ": expected 'number,name', got: " + line);
      String number = digits(line.substring(0, comma));
      String name = unquote(line.substring(comma + 1).strip());
      if (number.isEmpty()) {
        if (i == 0) continue; // a header line such as "number,name"
        throw new IOException(csv + ":" + (i + 1) + ": no digits in the number: " + line);
      }
      if (name.isEmpty()) throw new IOException(csv + ":" + (i + 1) + ": empty name for " + number);
      byDigits.put(number, name);
      if (number.length() > NATIONAL_DIGITS) byDigits.putIfAbsent(lastDigits(number), name);
    }
    return new CsvCallerDirectory(Map.copyOf(byDigits));
  }

  @Override
  public Optional<String> nameFor(String number) {
    String digits = digits(number);
    if (digits.isEmpty()) return Optional.empty();
    String name = byDigits.get(digits);
    if (name == null && digits.length() > NATIONAL_DIGITS) name = byDigits.get(lastDigits(digits));
    return Optional.ofNullable(name);
  }

  public int size() {
    return byDigits.size();
  }

  private static String digits(String number) {
    return number.replaceAll("[^0-9]", "");
  }

  private static String lastDigits(String digits) {
    return digits.substring(digits.length() - NATIONAL_DIGITS);
  }

  private static String unquote(String name) {
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      return name.substring(1, name.length() - 1).replace("\"\"", "\"").strip();
    }
    return name;
  }
}
