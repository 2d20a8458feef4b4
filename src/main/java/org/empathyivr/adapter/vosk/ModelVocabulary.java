package org.empathyivr.adapter.vosk;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which of some words a Vosk model's decoding graph knows, read the way Vosk finds its word list: {@code
 * graph/words.txt} in large models, else the symbol table stored in the header of {@code graph/Gr.fst} in the small
 * "lookahead" models, which ship no {@code words.txt}.
 *
 * <p>A grammar recognizer drops words the graph does not know with only a log line, so the answer vocabulary is
 * checked here once, at startup, instead. Stateless and thread-safe.
 */
final class ModelVocabulary {
  /** OpenFst's magic numbers for an FST file and for a symbol table inside one. */
  private static final int FST_MAGIC = 2125659606;

  private static final int SYMBOL_TABLE_MAGIC = 2125658996;
  private static final int HAS_INPUT_SYMBOLS = 1;
  private static final int HAS_OUTPUT_SYMBOLS = 2;

  /** No symbol or type name in an OpenFst header is anywhere near this long; longer means a misread. */
  private static final int MAX_STRING_BYTES = 4096;

  private ModelVocabulary() {}

  /**
   * Those of {@code words} that the model's graph knows, or empty if the model has no word list this class can read.
   *
   * @throws IOException if the word list exists but cannot be read
   */
  static Optional<Set<String>> known(Path modelDir, Collection<String> words) throws IOException {
    Path wordsTxt = modelDir.resolve("graph/words.txt");
    if (Files.isRegularFile(wordsTxt)) return Optional.of(knownInWordsTxt(wordsTxt, words));
    Path grammarFst = modelDir.resolve("graph/Gr.fst");
    if (Files.isRegularFile(grammarFst)) {
      try (InputStream in = new BufferedInputStream(Files.newInputStream(grammarFst))) {
        return knownInFstHeader(in, words);
      } catch (EOFException e) {
        throw new IOException(grammarFst + ": truncated header", e);
      }
    }
    return Optional.empty();
  }

  /** {@code words.txt} is one "word id" pair a line. */
  private static Set<String> knownInWordsTxt(Path wordsTxt, Collection<String> words) throws IOException {
    Set<String> known = new HashSet<>();
    try (var lines = Files.lines(wordsTxt, StandardCharsets.UTF_8)) {
      lines.map(line -> line.split("\\s+", 2)[0]).filter(words::contains).forEach(known::add);
    }
    return known;
  }

  /**
   * Reads an OpenFst binary header (magic, FST type, arc type, version, flags, properties, start, state and arc
   * counts) and the first symbol table after it; an acceptor's input and output symbols are both its words.
   */
  static Optional<Set<String>> knownInFstHeader(InputStream stream, Collection<String> words) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    if (int32(in) != FST_MAGIC) return Optional.empty();
    skipString(in); // FST type
    skipString(in); // arc type
    int32(in); // version
    int flags = int32(in);
    in.skipNBytes(4 * 8); // properties, start state, state count, arc count
    if ((flags & (HAS_INPUT_SYMBOLS | HAS_OUTPUT_SYMBOLS)) == 0) return Optional.empty();
    if (int32(in) != SYMBOL_TABLE_MAGIC) throw new IOException("not an OpenFst symbol table");
    skipString(in); // table name
    int64(in); // next free key
    long size = int64(in);
    if (size < 0) throw new IOException("negative symbol table size: " + size);
    Set<String> known = new HashSet<>();
    for (long i = 0; i < size; i++) {
      String symbol = string(in);
      int64(in); // key
      if (words.contains(symbol)) known.add(symbol);
    }
    return Optional.of(known);
  }

  private static String string(DataInputStream in) throws IOException {
    int length = int32(in);
    if (length < 0 || length > MAX_STRING_BYTES) throw new IOException("bad string length in FST header: " + length);
    byte[] utf8 = new byte[length];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  private static void skipString(DataInputStream in) throws IOException {
    string(in);
  }

  /** OpenFst writes little-endian; DataInputStream reads big-endian. */
  private static int int32(DataInputStream in) throws IOException {
    return Integer.reverseBytes(in.readInt());
  }

  private static long int64(DataInputStream in) throws IOException {
    return Long.reverseBytes(in.readLong());
  }
}
