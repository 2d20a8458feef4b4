package org.empathyivr.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.empathyivr.domain.summary.HandoffReason;

/**
 * Scripted calls read from a tab-separated file, one call a line: {@code id}, {@code caller-id} (or {@code -}),
 * {@code caller-name} (or {@code -}), {@code turns} (simulate's turn specs separated by spaces, WAV paths relative to
 * the file), {@code reason}, {@code must-contain} and {@code must-not} ({@code -}, or {@link SummaryTerm}s separated by
 * {@code |}). Lines starting with {@code #} and blank lines are skipped. {@code src/test/resources/calls/corpus.tsv}
 * documents the format in its header.
 */
public record CallCorpus(Path file, List<ScriptedCall> calls) {
  private static final int COLUMNS = 7;
  private static final String NONE = "-";

  /** A line that is not a call; the message names the file and line. */
  public static final class MalformedCorpus extends Exception {
    MalformedCorpus(String message) {
      super(message);
    }
  }

  public CallCorpus {
    calls = List.copyOf(calls);
  }

  public static CallCorpus read(Path file) throws IOException, MalformedCorpus {
    return parse(Files.readString(file), file);
  }

  /** Parses corpus text as if read from {@code file} (its folder is where WAV paths start). */
  public static CallCorpus parse(String text, Path file) throws MalformedCorpus {
    Path folder = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("."));
    List<ScriptedCall> calls = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) continue;
      try {
        ScriptedCall call = call(line, i + 1, folder);
        if (!ids.add(call.id())) throw new IllegalArgumentException("id " + call.id() + " used twice");
        calls.add(call);
      } catch (IllegalArgumentException e) {
        throw new MalformedCorpus(file + " line " + (i + 1) + ": " + e.getMessage());
      }
    }
    if (calls.isEmpty()) throw new MalformedCorpus(file + ": no calls");
    return new CallCorpus(file, calls);
  }

  private static ScriptedCall call(String line, int number, Path folder) {
    String[] cells = line.split("\t", -1);
    if (cells.length != COLUMNS) {
      throw new IllegalArgumentException("want " + COLUMNS + " tab-separated columns, found " + cells.length);
    }
    for (int c = 0; c < COLUMNS; c++) {
      if (cells[c].isBlank()) throw new IllegalArgumentException("column " + (c + 1) + " is empty (write - for none)");
      cells[c] = cells[c].strip();
    }
    Optional<ScriptedCall.CallerId> callerId = Optional.empty();
    if (!cells[1].equals(NONE)) {
      callerId = Optional.of(new ScriptedCall.CallerId(cells[1], cells[2].equals(NONE) ? cells[1] : cells[2]));
    } else if (!cells[2].equals(NONE)) {
      throw new IllegalArgumentException("a caller-id name without a number");
    }
    return new ScriptedCall(cells[0], number, callerId, turns(cells[3], folder), reason(cells[4]), terms(cells[5]),
        terms(cells[6]));
  }

  private static List<CallerTurn> turns(String specs, Path folder) {
    List<CallerTurn> turns = new ArrayList<>();
    for (String spec : specs.split("\\s+")) {
      for (CallerTurn turn : SimulateCommand.parseTurns(spec)) turns.add(resolved(turn, folder));
    }
    return turns;
  }

  private static CallerTurn resolved(CallerTurn turn, Path folder) {
    if (turn instanceof CallerTurn.Says s) return CallerTurn.says(existing(folder.resolve(s.audio())));
    if (turn instanceof CallerTurn.HangUpAfter h) return CallerTurn.hangUpAfter(existing(folder.resolve(h.audio())));
    if (turn instanceof CallerTurn.Interrupts i) {
      return CallerTurn.interrupts(existing(folder.resolve(i.audio())), i.at());
    }
    return turn;
  }

  private static Path existing(Path audio) {
    if (!Files.isRegularFile(audio)) throw new IllegalArgumentException("no caller audio " + audio);
    return audio;
  }

  private static String reason(String label) {
    if (Arrays.stream(HandoffReason.values()).noneMatch(r -> r.label().equals(label))) {
      throw new IllegalArgumentException("unknown reason '" + label + "'; one of "
          + Arrays.stream(HandoffReason.values()).map(HandoffReason::label).toList());
    }
    return label;
  }

  private static List<SummaryTerm> terms(String cell) {
    if (cell.equals(NONE)) return List.of();
    return Arrays.stream(cell.split("\\|", -1)).map(SummaryTerm::parse).toList();
  }
}
