package org.empathyivr.domain.frustration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The bundled tables of the frustration detector (the words model, the valence lexicon): UTF-8 lines
 * {@code key<TAB>number}, {@code #} starting a comment line, blank lines ignored.
 */
final class NumberTable {
  private NumberTable() {}

  /**
   * Reads the table; a line that is not {@code key<TAB>number}, or whose number is not in {@code range}, is an error
   * naming its line.
   *
   * @param columns the two columns as the error names them, e.g. {@code "feature<TAB>weight"}
   */
  static Map<String, Double> read(InputStream in, String name, String columns, Range range) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Map<String, Double> values = new HashMap<>();
    int lineNumber = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] parts = line.split("\t");
      try {
        if (parts.length != 2) throw new NumberFormatException("expected " + columns);
        double value = Double.parseDouble(parts[1]);
        if (!(value >= range.min() && value <= range.max())) {
          throw new IOException(name + " line " + lineNumber + ": " + range.what() + " not in " + range);
        }
        values.put(parts[0], value);
      } catch (NumberFormatException e) {
        throw new IOException(name + " line " + lineNumber + ": " + e.getMessage());
      }
    }
    return values;
  }

  /** A table bundled beside {@link NumberTable}'s classes, read by {@code reader}; missing or unreadable is a bug. */
  static <T> T bundled(String resource, TableReader<T> reader) {
    try (InputStream in = NumberTable.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      return reader.read(in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The numbers a table may hold, and what they are called in an error. */
  record Range(String what, double min, double max) {
    /** Any number but NaN. */
    static Range any(String what) {
      return new Range(what, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    @Override
    public String toString() {
      return "[" + format(min) + ", " + format(max) + "]";
    }

    private static String format(double bound) {
      return bound == Math.rint(bound) && !Double.isInfinite(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
  }

  /** Reads one kind of table. */
  interface TableReader<T> {
    T read(InputStream in, String name) throws IOException;
  }
}
