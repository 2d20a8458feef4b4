package org.empathyivr.domain.dialog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.empathyivr.domain.empathy.PhraseBook;

/** The phrasebook the service ships ({@code prompts/phrasebook.txt}), for stories of whole calls. */
final class TheBundledPhraseBook {
  private static final Path FILE = Path.of("prompts/phrasebook.txt");

  private TheBundledPhraseBook() {}

  static PhraseBook load() {
    try {
      return PhraseBook.parse(Files.readString(FILE), FILE.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
