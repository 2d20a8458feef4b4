package org.empathyivr.adapter.vosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelVocabularyTest {
  @TempDir Path model;

  @Test
  void findsWordsInWordsTxt() throws IOException {
    Files.createDirectories(model.resolve("graph"));
    Files.write(model.resolve("graph/words.txt"), List.of("<eps> 0", "agent 1", "yes 2", "[unk] 3"));

    assertEquals(
        Optional.of(Set.of("yes", "agent")), ModelVocabulary.known(model, List.of("yes", "agent", "nope")));
  }

  @Test
  void findsWordsInTheSymbolTableOfALookaheadGrammarFst() throws IOException {
    Files.createDirectories(model.resolve("graph"));
    Files.write(model.resolve("graph/Gr.fst"), fst("<eps>", "!SIL", "yes", "no", "[unk]"));

    assertEquals(Optional.of(Set.of("yes", "no")), ModelVocabulary.known(model, List.of("yes", "no", "nope")));
  }

  @Test
  void prefersWordsTxtLikeVoskDoes() throws IOException {
    Files.createDirectories(model.resolve("graph"));
    Files.write(model.resolve("graph/words.txt"), List.of("yes 1"));
    Files.write(model.resolve("graph/Gr.fst"), fst("no"));

    assertEquals(Optional.of(Set.of("yes")), ModelVocabulary.known(model, List.of("yes", "no")));
  }

  @Test
  void saysNothingWhenTheModelHasNoWordList() throws IOException {
    assertEquals(Optional.empty(), ModelVocabulary.known(model, List.of("yes")));
  }

  @Test
  void saysNothingForAFileThatIsNotAnFst() throws IOException {
    Files.createDirectories(model.resolve("graph"));
    Files.writeString(model.resolve("graph/Gr.fst"), "not an fst at all");

    assertEquals(Optional.empty(), ModelVocabulary.known(model, List.of("yes")));
  }

  @Test
  void refusesATruncatedSymbolTable() throws IOException {
    byte[] whole = fst("yes", "no");
    Files.createDirectories(model.resolve("graph"));
    Files.write(model.resolve("graph/Gr.fst"), Arrays.copyOf(whole, whole.length - 12));

    assertThrows(IOException.class, () -> ModelVocabulary.known(model, List.of("yes")));
  }

  /** An OpenFst header with input and output symbols, as Vosk's small models ship Gr.fst; no states follow. */
  private static byte[] fst(String... symbols) {
    Bytes out = new Bytes();
    out.int32(2125659606).string("ngram").string("standard").int32(4).int32(3);
    out.int64(0).int64(0).int64(1).int64(0); // properties, start, states, arcs
    out.int32(2125658996).string("words.txt").int64(symbols.length).int64(symbols.length);
    for (int key = 0; key < symbols.length; key++) out.string(symbols[key]).int64(key);
    return out.toByteArray();
  }

  /** Little-endian writing, as OpenFst does. */
  private static final class Bytes extends ByteArrayOutputStream {
    Bytes int32(int value) {
      writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
      return this;
    }

    Bytes int64(long value) {
      writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
      return this;
    }

    Bytes string(String value) {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      int32(utf8.length);
      writeBytes(utf8);
      return this;
    }
  }
}
