package org.empathyivr.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A labeled set for the frustration detector: a UTF-8 TSV file with a header line, a {@code label} column
 * ({@code frustrated} or {@code calm}; rows with other labels are skipped) and a {@code text} or a {@code wav_path}
 * column (relative to the manifest's folder). Other columns are kept for grouping ({@code group_id}, {@code actor},
 * {@code corpus_part}).
 */
public record LabeledManifest(Path file, List<Item> items, boolean audio) {
  /** One labeled row; {@code columns} holds every column by header name. */
  public record Item(int line, boolean frustrated, Map<String, String> columns) {
    public String text() {
      return columns.getOrDefault("text", "");
    }

    public Optional<String> column(String name) {
      return Optional.ofNullable(columns.get(name)).filter(v -> !v.isBlank());
    }

    /** The dialog, speaker or comment the row belongs to: {@code group_id}, else {@code actor}, else {@code id}. */
    public String group() {
      return column("group_id").or(() -> column("actor")).or(() -> column("speaker")).or(() -> column("id"))
          .orElse("line " + line);
    }
  }

  public LabeledManifest {
    items = List.copyOf(items);
  }

  /** Reads the manifest; a missing column or a short row is an {@link IOException} naming the file and line. */
  public static LabeledManifest read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) throw new IOException(file + ": empty, expected a header line");
    String[] header = lines.get(0).split("\t", -1);
    List<String> names = List.of(header);
    if (!names.contains("label")) throw new IOException(file + ": no 'label' column in the header " + names);
    boolean audio = names.contains("wav_path");
    if (!audio && !names.contains("text")) {
      throw new IOException(file + ": neither a 'text' nor a 'wav_path' column in the header " + names);
    }
    List<Item> items = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) continue;
      String[] values = line.split("\t", -1);
      if (values.length != header.length) {
        throw new IOException(file + " line " + (i + 1) + ": " + values.length + " columns, the header has "
            + header.length);
      }
      Map<String, String> columns = new HashMap<>();
      for (int c = 0; c < header.length; c++) columns.put(header[c], values[c]);
      String label = columns.get("label").strip();
      if (!label.equals("frustrated") && !label.equals("calm")) continue;
      if (audio && columns.get("wav_path").isBlank()) throw new IOException(file + " line " + (i + 1) + ": no wav_path");
      items.add(new Item(i + 1, label.equals("frustrated"), columns));
    }
    if (items.isEmpty()) throw new IOException(file + ": no rows labeled frustrated or calm");
    return new LabeledManifest(file, items, audio);
  }

  /** The audio file of an item, resolved against the manifest's folder. */
  public Path wav(Item item) {
    return file.toAbsolutePath().getParent().resolve(item.columns().get("wav_path"));
  }

  /** Items counted by a column's value, for per-part figures. */
  public Map<String, Integer> countBy(String column) {
    Map<String, Integer> counts = new HashMap<>();
    for (Item item : items) counts.merge(item.column(column).orElse(""), 1, Integer::sum);
    return counts;
  }
}
