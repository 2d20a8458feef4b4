package org.empathyivr.domain.dialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.empathyivr.domain.empathy.Reflection;
import org.empathyivr.domain.port.Transcript;

/**
 * Everything the caller said that carries content, in order, unsure words marked ({@link Unsure}): the story the agent
 * gets when nothing was confirmed, and what tells a statement of the issue from a denial. One per call; not
 * thread-safe.
 */
final class CallerStory {
  private final List<String> statements = new ArrayList<>();

  /** Keeps a statement, once, in order (the same words twice in a row count once). */
  void tells(Transcript statement) {
    String marked = Unsure.marked(statement);
    if (marked.isBlank()) return;
    if (statements.isEmpty() || !statements.get(statements.size() - 1).equals(marked)) statements.add(marked);
  }

  boolean isEmpty() {
    return statements.isEmpty();
  }

  List<String> statements() {
    return List.copyOf(statements);
  }

  /**
   * The issue the agent gets: the confirmed one; else the caller's latest statement of it (a correction, a
   * restatement, what they said as they grew frustrated); else {@code saidBack}.
   */
  Optional<String> issue(Optional<String> saidBack, boolean confirmed) {
    if (confirmed || statements.isEmpty()) return saidBack;
    return Optional.of(statements.get(statements.size() - 1));
  }

  /** The caller's words as a statement of the issue: the whole turn, or what follows a denial it starts with. */
  static Optional<Transcript> statementIn(Transcript heard) {
    if (heard.isEmpty() || Denial.isBare(heard)) return Optional.empty();
    if (Reflection.of(heard.text()).isEmpty()) return Optional.empty();
    if (!startsWithDenial(heard)) return Optional.of(heard);
    // "No, my phone line is dead": the statement after the denial; all of it when its words were unclear.
    return Optional.of(Denial.content(heard).filter(c -> Reflection.of(c.text()).isPresent()).orElse(heard));
  }

  /** Whether the caller's turn opens with a no ("no, ...", "nope", "know" as the recognizer hears "no" first). */
  static boolean startsWithDenial(Transcript heard) {
    String text = heard.text().strip();
    int space = text.indexOf(' ');
    String first = space < 0 ? text : text.substring(0, space);
    return Answer.fromWords(first.replaceAll("[^a-z']", "").equals("know") ? "no" : first) == Answer.NO;
  }
}
