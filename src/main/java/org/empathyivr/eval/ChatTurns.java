package org.empathyivr.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chat turns of a text manifest: rows that are sentences of one turn of one dialog (the same {@code group_id} and
 * {@code turn_idx}, as MAIA-DQE gives them), with the turn's text: its rows' texts joined in manifest order. A row
 * without both columns, or alone in its turn, is its own text.
 */
final class ChatTurns {
  private final Map<String, String> texts;

  private ChatTurns(Map<String, String> texts) {
    this.texts = Map.copyOf(texts);
  }

  static ChatTurns of(LabeledManifest manifest) {
    Map<String, List<String>> sentences = new LinkedHashMap<>();
    for (LabeledManifest.Item item : manifest.items()) {
      turnOf(item).ifPresent(turn -> sentences.computeIfAbsent(turn, k -> new ArrayList<>()).add(item.text().strip()));
    }
    Map<String, String> texts = new HashMap<>();
    sentences.forEach((turn, list) -> {
      if (list.size() > 1) texts.put(turn, String.join(" ", list));
    });
    return new ChatTurns(texts);
  }

  /** The text to score for a row: its whole turn's, or its own. */
  String textFor(LabeledManifest.Item item) {
    return turnOf(item).map(texts::get).orElse(item.text());
  }

  /** Whether the row is one of several sentences of a turn. */
  boolean sharesATurn(LabeledManifest.Item item) {
    return turnOf(item).map(texts::containsKey).orElse(false);
  }

  /** How many turns have more than one row. */
  int count() {
    return texts.size();
  }

  private static Optional<String> turnOf(LabeledManifest.Item item) {
    return item.column("group_id").flatMap(dialog -> item.column("turn_idx").map(turn -> dialog + "\t" + turn));
  }
}
