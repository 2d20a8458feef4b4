package org.empathyivr.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.frustration.Frustration;
import org.empathyivr.domain.frustration.FrustrationMeter;
import org.empathyivr.domain.frustration.FrustrationSettings;
import org.empathyivr.domain.frustration.ScoringWarmUp;
import org.empathyivr.domain.frustration.VoiceAnalyzer;
import org.empathyivr.domain.frustration.VoiceProfile;
import org.empathyivr.domain.frustration.Words;
import org.empathyivr.domain.frustration.WordsModel;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.SpeechToText;
import org.empathyivr.domain.port.Transcript;

/**
 * Scores the frustration detector on a labeled manifest ({@link LabeledManifest}): each row is one caller turn (or one
 * sentence of a chat turn, scored with the whole turn: {@link #scoreText}), scored by a fresh {@link FrustrationMeter}
 * with the configured weights. A text row has no baseline and counts as frustrated at or over
 * {@code frustration.turn-threshold}; an audio row is compared with its speaker's baseline, as a call turn
 * is with the caller's first turn, and counts at or over the call's {@code frustration.threshold}.
 *
 * <p>Text rows are brought to recognizer form first. Audio rows go through the recognizer (for the words and their
 * timings) and the voice analysis; as single clips have no first turn, each speaker's baseline is the median profile
 * (and median words log-odds) of all their clips in the manifest ({@code actor}, {@code speaker} or {@code caller} column; the whole manifest when
 * there is none). The labels are never used for it.
 */
public final class FrustrationEvaluation {
  private static final String[] SPEAKER_COLUMNS = {"actor", "speaker", "caller"};

  /** One scored row, with the text scored for it (its own, or its whole chat turn's; the file for audio). */
  public record Scored(
      LabeledManifest.Item item, String scoredText, Frustration frustration, boolean predicted, long scoringNanos) {}

  private FrustrationEvaluation() {}

  /**
   * Scores text rows. A row that is one sentence of a chat turn (it has a {@code turn_idx} beside its {@code group_id},
   * as in MAIA-DQE) is scored with the whole turn it belongs to: the text of the manifest's rows of that dialog and
   * turn, in manifest order. A caller's turn on the line is heard whole, and the labels follow the turn (a sentence
   * beside a frustrated one in its turn is far more often frustrated itself). Each row still counts once, with its own
   * label.
   */
  public static List<Scored> scoreText(LabeledManifest manifest, FrustrationSettings settings, WordsModel model) {
    return scoreText(manifest, ChatTurns.of(manifest), settings, model);
  }

  private static List<Scored> scoreText(
      LabeledManifest manifest, ChatTurns turns, FrustrationSettings settings, WordsModel model) {
    return manifest.items().stream().map(item -> scoreOne(item, turns.textFor(item), settings, model)).toList();
  }

  /** Scores each text row alone, whatever turn it belongs to: the figure to compare turn scoring with. */
  public static List<Scored> scoreEachRowAlone(LabeledManifest manifest, FrustrationSettings settings, WordsModel model) {
    return manifest.items().stream().map(item -> scoreOne(item, item.text(), settings, model)).toList();
  }

  private static Scored scoreOne(LabeledManifest.Item item, String text, FrustrationSettings settings, WordsModel model) {
    Transcript heard = new Transcript(Words.asRecognized(text), List.of());
    long start = System.nanoTime();
    Frustration f = new FrustrationMeter(settings, model).callerSaid(heard);
    long nanos = System.nanoTime() - start;
    return new Scored(item, text, f, f.score() >= settings.turnThreshold(), nanos);
  }

  /** Scores audio rows: recognizer, voice profile, per-speaker baseline. */
  public static List<Scored> scoreAudio(
      LabeledManifest manifest, FrustrationSettings settings, WordsModel model, SpeechToText speech, PrintStream out)
      throws IOException, SpeechFailure {
    List<Transcript> transcripts = new ArrayList<>();
    List<VoiceProfile> profiles = new ArrayList<>();
    Map<String, List<VoiceProfile>> bySpeaker = new HashMap<>();
    long analysisNanos = 0;
    double audioSeconds = 0;
    for (LabeledManifest.Item item : manifest.items()) {
      Audio audio = WavFile.read(manifest.wav(item));
      Transcript heard = speech.transcribe(audio);
      long start = System.nanoTime();
      VoiceProfile profile = VoiceAnalyzer.profile(audio);
      analysisNanos += System.nanoTime() - start;
      audioSeconds += audio.durationMs() / 1000.0;
      profile = profile.withSyllablesPerSecond(FrustrationMeter.syllablesPerSecond(heard.words()));
      transcripts.add(heard);
      profiles.add(profile);
      bySpeaker.computeIfAbsent(speaker(item), k -> new ArrayList<>()).add(profile);
    }
    out.printf(Locale.ROOT, "voice analysis: %.2f ms per second of audio (done while the caller speaks)%n",
        analysisNanos / 1e6 / audioSeconds);
    Map<String, VoiceProfile> baselines = new HashMap<>();
    bySpeaker.forEach((speaker, list) -> baselines.put(speaker, VoiceProfile.median(list)));
    Map<String, List<Double>> wordsBySpeaker = new HashMap<>();
    for (int i = 0; i < transcripts.size(); i++) {
      wordsBySpeaker.computeIfAbsent(speaker(manifest.items().get(i)), k -> new ArrayList<>())
          .add(FrustrationMeter.wordsLogit(model, transcripts.get(i)));
    }
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < transcripts.size(); i++) {
      LabeledManifest.Item item = manifest.items().get(i);
      String speaker = speaker(item);
      double usualWords = median(wordsBySpeaker.get(speaker));
      long start = System.nanoTime();
      FrustrationMeter meter = FrustrationMeter.withBaseline(settings, model, baselines.get(speaker), usualWords);
      Frustration f = meter.callerSaid(transcripts.get(i), profiles.get(i));
      long nanos = System.nanoTime() - start;
      // Compared with a baseline, a clip is judged as a call turn is: at the call's threshold.
      scored.add(new Scored(item, item.column("wav_path").orElse(""), f, f.score() >= settings.threshold(), nanos));
    }
    return scored;
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  static String speaker(LabeledManifest.Item item) {
    for (String column : SPEAKER_COLUMNS) {
      Optional<String> value = item.column(column);
      if (value.isPresent()) return value.get();
    }
    return "all";
  }

  /**
   * Prints figures per part (when the manifest has a {@code corpus_part}), the cost, up to {@code wrong} of the
   * frustrated rows missed and as many calm rows taken for frustrated (each with its score and cues, to see why), and
   * the summary line last.
   */
  public static BinaryScores report(List<Scored> scored, int wrong, PrintStream out) {
    BinaryScores all = new BinaryScores();
    Map<String, BinaryScores> parts = new TreeMap<>();
    Map<String, Integer> cueCounts = new TreeMap<>();
    for (Scored s : scored) {
      all.add(s.predicted(), s.item().frustrated());
      s.item().column("corpus_part").ifPresent(part ->
          parts.computeIfAbsent(part, k -> new BinaryScores()).add(s.predicted(), s.item().frustrated()));
      if (s.predicted()) for (Frustration.Cue cue : s.frustration().cues()) cueCounts.merge(cue.id(), 1, Integer::sum);
    }
    parts.forEach((part, p) -> out.println("  " + part + ": " + p.line()));
    out.println("cues among turns scored frustrated: " + cueCounts);
    long[] nanos = scored.stream().mapToLong(Scored::scoringNanos).sorted().toArray();
    out.printf(Locale.ROOT, "scoring a turn: median %.3f ms, p99 %.3f ms, max %.3f ms (beyond recognition)%n",
        nanos[nanos.length / 2] / 1e6, nanos[(int) (0.99 * (nanos.length - 1))] / 1e6, nanos[nanos.length - 1] / 1e6);
    printWrong("missed (frustrated, scored calm)", scored.stream().filter(s -> s.item().frustrated() && !s.predicted()),
        wrong, out);
    printWrong("false alarms (calm, scored frustrated)",
        scored.stream().filter(s -> !s.item().frustrated() && s.predicted()), wrong, out);
    out.println(all.confusion());
    out.println(all.line());
    return all;
  }

  /**
   * Prints up to {@code limit} of {@code rows}, the highest score first: for misses the nearest ones, for false alarms
   * the surest.
   */
  private static void printWrong(String title, Stream<Scored> rows, int limit, PrintStream out) {
    if (limit <= 0) return;
    List<Scored> sorted = rows.sorted((a, b) -> Double.compare(b.frustration().score(), a.frustration().score())).toList();
    out.printf(Locale.ROOT, "%s: %d%s%n", title, sorted.size(), sorted.size() > limit ? ", the first " + limit : "");
    for (Scored s : sorted.subList(0, Math.min(limit, sorted.size()))) {
      String what = s.scoredText();
      if (what.length() > 90) what = what.substring(0, 87) + "...";
      String cues = s.frustration().cues().stream().map(Frustration.Cue::explanation)
          .collect(Collectors.joining("; "));
      out.printf(Locale.ROOT, "  %.2f  %s  [%s]%n", s.frustration().score(), what, cues.isEmpty() ? "no cue" : cues);
    }
  }

  /** Reads and scores a manifest; {@code speech} is needed only for audio. */
  public static BinaryScores run(LabeledManifest manifest, FrustrationSettings settings, Optional<SpeechToText> speech,
      int wrong, PrintStream out) throws IOException, SpeechFailure {
    WordsModel model = WordsModel.bundled();
    out.printf(Locale.ROOT, "eval-frustration: %d turns (%s) from %s, threshold %.2f%n", manifest.items().size(),
        manifest.audio() ? "audio, each against its speaker's usual" : "text", manifest.file(),
        manifest.audio() ? settings.threshold() : settings.turnThreshold());
    // As the service does at start: the turns are timed as a running line scores them, not as cold code would.
    long warming = System.nanoTime();
    int warmTurns = ScoringWarmUp.run(settings, model, ScoringWarmUp.ROUNDS);
    out.printf(Locale.ROOT, "scoring warmed up as at start-up: %d made-up turns in %d ms%n", warmTurns,
        (System.nanoTime() - warming) / 1_000_000);
    List<Scored> scored;
    if (manifest.audio()) {
      scored = scoreAudio(manifest, settings, model,
          speech.orElseThrow(() -> new IllegalArgumentException("no recognizer")), out);
    } else {
      ChatTurns turns = ChatTurns.of(manifest);
      scored = scoreText(manifest, turns, settings, model);
      if (turns.count() > 0) {
        long rows = manifest.items().stream().filter(turns::sharesATurn).count();
        BinaryScores alone = new BinaryScores();
        scoreEachRowAlone(manifest, settings, model).forEach(s -> alone.add(s.predicted(), s.item().frustrated()));
        out.printf(Locale.ROOT, "chat turns: %d rows are sentences of %d turns, each scored with its whole turn "
            + "(each row alone: %s)%n", rows, turns.count(), alone.line());
      }
    }
    return report(scored, wrong, out);
  }
}
