package org.empathyivr.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A speech corpus listed in a manifest: a UTF-8 text file, one utterance a line, tab-separated, no header line. The
 * first column is a WAV file, relative to the manifest's folder (or absolute); the second is the text spoken in it.
 * Blank lines are skipped.
 */
public record Manifest(List<Utterance> utterances) {
  /** One recording and what was said in it. */
  public record Utterance(Path wav, String reference) {}

  public Manifest {
    utterances = List.copyOf(utterances);
  }

  /** Reads the manifest at {@code file}; a malformed line is an {@link IOException} naming the file and line. */
  public static Manifest read(Path file) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    return parse(Files.readString(file, StandardCharsets.UTF_8), folder, file.toString());
  }

  /**
   * Parses manifest text, resolving relative paths against {@code folder}.
   *
   * @param name what to call the text in errors
   */
  public static Manifest parse(String text, Path folder, String name) throws IOException {
    List<Utterance> utterances = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) continue;
      String[] columns = line.split("\t", -1);
      if (columns.length != 2) {
        throw new IOException(name + " line " + (i + 1) + ": expected 2 tab-separated columns (WAV path, text), found "
            + columns.length);
      }
      if (columns[0].isBlank()) throw new IOException(name + " line " + (i + 1) + ": no WAV path");
      if (columns[1].isBlank()) throw new IOException(name + " line " + (i + 1) + ": no reference text");
      utterances.add(new Utterance(folder.resolve(columns[0].strip()), columns[1].strip()));
    }
    if (utterances.isEmpty()) throw new IOException(name + ": no utterances");
    return new Manifest(utterances);
  }
}
