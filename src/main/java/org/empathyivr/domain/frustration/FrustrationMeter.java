package org.empathyivr.domain.frustration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.Word;

/**
 * How frustrated one caller is, turn by turn: what they said (words model and cues), how they said it (relative to
 * their own first turn), and how the dialog is going (denials, reprompts, keys, time, repeating themselves).
 *
 * <p>The score is the logistic of the most upset turn's words and voice plus the dialog so far. One per call, used by
 * the call's thread, except {@link #hear} which may run on the thread passing on the recording.
 */
public final class FrustrationMeter {
  /** A first turn with less speech than this is no baseline; the next turn with enough becomes it. */
  private static final double MIN_BASELINE_SPEECH_SECONDS = 0.8;
  /** A turn sharing this much of its content words (and at least two) with an earlier one repeats it. */
  private static final double REPEAT_OVERLAP = 0.6;
  private static final int MIN_REPEAT_WORDS = 2;
  private static final Set<String> FUNCTION_WORDS =
      Set.of("i", "i'm", "i've", "me", "my", "you", "your", "it", "it's", "is", "are", "was", "were", "be", "been",
          "has", "have", "had", "the", "a", "an", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with",
          "this", "that", "no", "not", "yes", "so", "just", "do", "does", "did", "can", "can't", "we", "our", "they");
  private static final double CLIPPING = 0.002;
  private static final double SHOUT_DB = 6;
  private static final double MIN_CUE_WEIGHT = 0.05;
  /**
   * Speech faster than this over the caller's first turn counts as this much: anger speeds speech up by tens of percent,
   * and beyond half as fast again a rate from recognizer word timings is mostly their error (calm acted speech can read
   * far faster than its speaker's usual). So the rate alone never hands a caller off (at 0.2 per 10 %: at most
   * 1.0 of log-odds, against 1.99 for the threshold 0.88).
   */
  private static final double MAX_FASTER_PERCENT = 50;

  private final FrustrationSettings settings;
  private final WordsModel model;
  private Optional<VoiceProfile> baseline;
  private final boolean fixedBaseline;
  private final double usualWordsLogit;
  private VoiceAnalyzer listening;
  private Expression worst;
  private final List<Set<String>> complaints = new ArrayList<>();
  private int denials;
  private int reprompts;
  private int keyPresses;
  private boolean pressedZero;
  private int repeats;
  private Duration time = Duration.ZERO;

  /** A meter for a call: the caller's first turn with speech becomes the voice baseline. */
  public FrustrationMeter(FrustrationSettings settings, WordsModel model) {
    this(settings, model, Optional.empty(), 0);
  }

  private FrustrationMeter(
      FrustrationSettings settings, WordsModel model, Optional<VoiceProfile> baseline, double usualWordsLogit) {
    this.settings = settings;
    this.model = model;
    this.baseline = baseline;
    this.fixedBaseline = baseline.isPresent();
    this.usualWordsLogit = usualWordsLogit;
  }

  /**
   * A meter for single clips of a speaker with no call around them: the voice is compared with the speaker's usual
   * profile, and the words' log-odds with the speaker's usual words log-odds ({@link #wordsLogit}), both taken over
   * all their clips without labels.
   */
  public static FrustrationMeter withBaseline(
      FrustrationSettings settings, WordsModel model, VoiceProfile usualVoice, double usualWordsLogit) {
    return new FrustrationMeter(settings, model, Optional.of(usualVoice), usualWordsLogit);
  }

  /** The words model's log-odds for what was heard, before weighting. */
  public static double wordsLogit(WordsModel model, Transcript heard) {
    List<String> tokens = Words.tokens(Words.asRecognized(heard.text()));
    return model.logit(WordsModel.features(tokens, WordCues.find(tokens)));
  }

  /** Whether the latest score counts as frustrated for a single turn ({@code frustration.turn-threshold}). */
  public boolean turnOverThreshold() {
    return current().score() >= settings.turnThreshold();
  }

  /** Takes a piece of the caller's audio in the current turn, as it is recorded. */
  public void hear(Audio piece) {
    if (listening == null) listening = new VoiceAnalyzer(piece.sampleRateHz());
    listening.accept(piece);
  }

  /** Ends the caller's turn with what the recognizer heard; the audio heard since the last turn is measured. */
  public Frustration callerSaid(Transcript heard) {
    VoiceProfile voice = listening == null ? VoiceProfile.SILENT : listening.finish();
    listening = null;
    return callerSaid(heard, voice.withSyllablesPerSecond(syllablesPerSecond(heard.words())));
  }

  /** Ends the caller's turn with an already measured voice profile. */
  public Frustration callerSaid(Transcript heard, VoiceProfile voice) {
    List<String> tokens = Words.tokens(Words.asRecognized(heard.text()));
    Optional<VoiceProfile> compareWith = baseline;
    if (baseline.isEmpty() && voice.hasSpeech() && voice.speechSeconds() >= MIN_BASELINE_SPEECH_SECONDS) {
      baseline = Optional.of(voice);
    }
    List<Frustration.Cue> cues = new ArrayList<>();
    double logit = 0;
    if (!tokens.isEmpty()) {
      noteRepeat(tokens);
      logit += words(tokens, cues);
    }
    if (compareWith.isPresent() && voice.hasSpeech()) logit += voice(voice, compareWith.get(), cues);
    if (!tokens.isEmpty() || voice.hasSpeech()) {
      double wordless = settings.words() * (model.bias() - usualWordsLogit);
      Expression turn = new Expression(tokens.isEmpty() ? wordless + logit : logit, cues);
      if (worst == null || turn.logit > worst.logit) worst = turn;
    }
    return current();
  }

  /** The caller pressed a key. */
  public void callerKeyed(char key) {
    keyPresses++;
    if (key == '0') pressedZero = true;
  }

  /** The caller said the assistant's reflection was wrong. */
  public void denied() {
    denials++;
  }

  /** The assistant had to ask again: silence, or nothing it could use. */
  public void reprompted() {
    reprompts++;
  }

  /** How long the caller has been with the assistant so far. */
  public void timeWithAssistant(Duration elapsed) {
    if (elapsed.compareTo(time) > 0) time = elapsed;
  }

  /** The score now, with the cues that raised it, strongest first. */
  public Frustration current() {
    List<Frustration.Cue> cues = new ArrayList<>();
    double logit = worst == null ? settings.words() * (model.bias() - usualWordsLogit) : worst.logit;
    if (worst != null) cues.addAll(worst.cues);
    logit += dialog(cues);
    cues.removeIf(cue -> cue.weight() < MIN_CUE_WEIGHT);
    cues.sort(Comparator.comparingDouble(Frustration.Cue::weight).reversed());
    return new Frustration(1 / (1 + Math.exp(-logit)), cues);
  }

  /** Whether the caller is frustrated enough for a human to take over now. */
  public boolean overThreshold() {
    return current().score() >= settings.threshold();
  }

  /** The score now, for choosing the tone of the next prompt. */
  public double level() {
    return current().score();
  }

  private record Expression(double logit, List<Frustration.Cue> cues) {}

  private double words(List<String> tokens, List<Frustration.Cue> cues) {
    List<WordCues.Match> matches = WordCues.find(tokens);
    double raw = model.logit(WordsModel.features(tokens, matches));
    double logit = settings.words() * (raw - usualWordsLogit);
    double explained = 0;
    Set<WordCues.Kind> seen = new HashSet<>();
    for (WordCues.Match match : matches) {
      if (!seen.add(match.kind())) continue;
      double weight = settings.words() * model.weight("k:" + match.kind().name().toLowerCase(Locale.ROOT));
      // A sign of calm (courtesy) lowers the score: it stays in the model's share, never shown as a cue that raised it.
      if (weight <= 0) continue;
      List<String> said = matches.stream().filter(m -> m.kind() == match.kind()).map(WordCues.Match::shown)
          .distinct().toList();
      String what = match.kind() == WordCues.Kind.PROFANITY ? "used profanity" : "said " + String.join(", ", said);
      cues.add(new Frustration.Cue("words." + match.kind().name().toLowerCase(Locale.ROOT), what, weight));
      explained += weight;
    }
    double rest = logit - settings.words() * (model.bias() - usualWordsLogit) - explained;
    cues.add(new Frustration.Cue("words.model", String.format(Locale.ROOT,
        "words sound frustrated (%.2f)", 1 / (1 + Math.exp(-raw))), rest));
    return logit;
  }

  private double voice(VoiceProfile now, VoiceProfile base, List<Frustration.Cue> cues) {
    double logit = 0;
    double louder = now.levelDb() - base.levelDb();
    logit += cue(cues, "voice.louder", settings.louderPerDb() * (louder - settings.louderFromDb()),
        String.format(Locale.ROOT, "raised voice %+.0f dB vs. %s", louder, against()));
    // Pitch and rate are compared only over as much speech as a baseline needs: the median pitch of a lone "yes"
    // follows its intonation, not the caller's mood (a calm "yes" can sit many semitones above the first turn),
    // and the rate of a few words timed by the recognizer is mostly its timing.
    boolean enoughToCompare = now.speechSeconds() >= MIN_BASELINE_SPEECH_SECONDS;
    if (enoughToCompare && Double.isFinite(now.pitchHz()) && Double.isFinite(base.pitchHz())) {
      double higher = 12 * Math.log(now.pitchHz() / base.pitchHz()) / Math.log(2);
      logit += cue(cues, "voice.pitch", settings.higherPitchPerSemitone() * higher,
          String.format(Locale.ROOT, "pitch %+.1f semitones vs. %s", higher, against()));
      double wider = now.pitchRangeSemitones() - base.pitchRangeSemitones();
      logit += cue(cues, "voice.range", settings.widerRangePerSemitone() * wider,
          String.format(Locale.ROOT, "pitch range %+.1f semitones vs. %s", wider, against()));
    }
    if (enoughToCompare && Double.isFinite(now.syllablesPerSecond()) && Double.isFinite(base.syllablesPerSecond())
        && base.syllablesPerSecond() > 0) {
      double faster = 100 * (now.syllablesPerSecond() / base.syllablesPerSecond() - 1);
      logit += cue(cues, "voice.faster", settings.fasterPer10Percent() * Math.min(faster, MAX_FASTER_PERCENT) / 10,
          String.format(Locale.ROOT, "speaking %+.0f%% faster vs. %s", faster, against()));
    }
    if (louder >= SHOUT_DB && now.clippedFraction() >= CLIPPING && now.clippedFraction() > 2 * base.clippedFraction()) {
      logit += cue(cues, "voice.shouting", settings.shouting(),
          String.format(Locale.ROOT, "shouting (%.1f%% of speech clipped)", 100 * now.clippedFraction()));
    }
    return logit;
  }

  private String against() {
    return fixedBaseline ? "usual" : "first turn";
  }

  /** Adds a cue that raises the score; a value that would lower it counts for nothing. */
  private static double cue(List<Frustration.Cue> cues, String id, double weight, String explanation) {
    if (!(weight > 0)) return 0;
    cues.add(new Frustration.Cue(id, explanation, weight));
    return weight;
  }

  private double dialog(List<Frustration.Cue> cues) {
    double logit = 0;
    logit += cue(cues, "dialog.denials", settings.denial() * denials, "denied the reflection " + times(denials));
    logit += cue(cues, "dialog.reprompts", settings.reprompt() * reprompts, "had to be asked again " + times(reprompts));
    int extraKeys = Math.max(0, keyPresses - 1) + (pressedZero ? 1 : 0);
    logit += cue(cues, "dialog.keys", settings.keys() * extraKeys,
        (pressedZero ? "pressed 0 for a person" : "pressed keys") + " (" + keyPresses + " presses)");
    double minutes = time.toMillis() / 60_000.0 - 1;
    logit += cue(cues, "dialog.time", settings.perMinute() * minutes,
        String.format(Locale.ROOT, "%.1f min with the assistant", minutes + 1));
    logit += cue(cues, "dialog.repeated", settings.repeatedComplaint() * repeats,
        "repeated the same complaint " + times(repeats));
    return logit;
  }

  private static String times(int n) {
    return switch (n) {
      case 1 -> "once";
      case 2 -> "twice";
      default -> n + " times";
    };
  }

  private void noteRepeat(List<String> tokens) {
    Set<String> words = new HashSet<>(tokens);
    words.removeAll(FUNCTION_WORDS);
    if (words.size() < MIN_REPEAT_WORDS) return;
    for (Set<String> earlier : complaints) {
      Set<String> shared = new HashSet<>(words);
      shared.retainAll(earlier);
      if (shared.size() >= MIN_REPEAT_WORDS && shared.size() >= REPEAT_OVERLAP * Math.min(words.size(), earlier.size())) {
        repeats++;
        break;
      }
    }
    complaints.add(words);
  }

  /**
   * Syllables per second ({@link Words#syllables}) over the stretch from the first word's start to the last word's end;
   * NaN for under 2 words. Syllables rather than words, because in words per second a turn of short words sounds far
   * faster than it was spoken.
   */
  public static double syllablesPerSecond(List<Word> words) {
    if (words.size() < 2) return Double.NaN;
    double span = words.get(words.size() - 1).endSeconds() - words.get(0).startSeconds();
    int syllables = words.stream().mapToInt(w -> Words.syllables(w.text())).sum();
    return span > 0 ? syllables / span : Double.NaN;
  }
}
