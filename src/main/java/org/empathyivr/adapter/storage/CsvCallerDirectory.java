package org.empathyivr.adapter.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.empathyivr.domain.port.CallerDirectory;

/**
 * Callers listed in a CSV file of {@code number,name} lines (UTF-8; a header line, blank lines and {@code #}
 * comments are skipped; a name may be quoted and contain commas). Read once, at startup.
 *
 * <p>Numbers match on their digits, as {@link CallerIndex} says.
 */
public final class CsvCallerDirectory implements CallerDirectory {
  private final CallerIndex index;

  private CsvCallerDirectory(CallerIndex index) {
    this.index = index;
  }

  /** An empty directory. */
  public static CsvCallerDirectory empty() {
    return new CsvCallerDirectory(new CallerIndex());
  }

  /** Reads the file; a malformed line fails with its line number. */
  public static CsvCallerDirectory read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    CallerIndex index = new CallerIndex();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      int comma = line.indexOf(',');
      if (comma < 0) throw new IOException(csv + ":" + (i + 1) + ": expected 'number,name', got: " + line);
      String number = CallerIndex.digits(line.substring(0, comma));
      String name = unquote(line.substring(comma + 1).strip());
      if (number.isEmpty()) {
        if (i == 0) continue; // a header line such as "number,name"
        throw new IOException(csv + ":" + (i + 1) + ": no digits in the number: " + line);
      }
      if (name.isEmpty()) throw new IOException(csv + ":" + (i + 1) + ": empty name for " + number);
      index.add(number, name);
    }
    return new CsvCallerDirectory(index);
  }

  @Override
  public Optional<String> nameFor(String number) {
    return index.nameFor(number);
  }

  public int size() {
    return index.size();
  }

  private static String unquote(String name) {
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      return name.substring(1, name.length() - 1).replace("\"\"", "\"").strip();
    }
    return name;
  }

  @Override
  public Set<String> firstNames() {
    return index.firstNames();
  }
}
