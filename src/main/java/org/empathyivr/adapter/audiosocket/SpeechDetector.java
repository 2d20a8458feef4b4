package org.empathyivr.adapter.audiosocket;

/**
 * Tells speech from silence, line noise, a cough and the assistant's own voice coming back, frame by frame (20 ms at 8
 * kHz), on a line without echo cancellation.
 *
 * <ul>
 *   <li><b>Sound</b>: a frame whose level (RMS, dBFS) is at least {@value #ABOVE_FLOOR_DB} dB above the line's noise
 *       floor and above {@value #MIN_SOUND_DBFS} dBFS. The floor follows the quietest frames at once and rises slowly
 *       ({@value #FLOOR_RISE_DB_PER_FRAME} dB a frame), so steady line noise and hum become the floor.
 *   <li><b>Speech</b>: sound that is voiced (the normalized autocorrelation over 40 ms peaks at
 *       {@value #VOICED_CORRELATION} or more at a pitch between 70 and 400 Hz: vowels do, a cough's hiss and
 *       clicks do not) and louder than an echo of what the assistant played: at most {@value #ECHO_MARGIN_DB} dB below
 *       the loudest frame it sent in the last {@value #ECHO_WINDOW_FRAMES} frames (a line leaking the prompt back at
 *       -20 dB stays well below that).
 *   <li><b>The caller started speaking</b> (a barge-in): {@value #ONSET_SPEECH_FRAMES} speech frames among the last
 *       {@value #ONSET_WINDOW_FRAMES} (120 ms of voiced speech within 200 ms): longer than a click, more voiced than a
 *       cough.
 * </ul>
 *
 * <p>One per call; used by one thread at a time.
 */
final class SpeechDetector {
  static final int FRAME_SAMPLES = 160;
  static final double ABOVE_FLOOR_DB = 10;
  static final double MIN_SOUND_DBFS = -50;
  static final double FLOOR_RISE_DB_PER_FRAME = 0.05;
  static final double VOICED_CORRELATION = 0.5;
  static final double ECHO_MARGIN_DB = 12;
  static final int ECHO_WINDOW_FRAMES = 8;
  static final int ONSET_SPEECH_FRAMES = 6;
  static final int ONSET_WINDOW_FRAMES = 10;
  private static final int MIN_LAG = 8000 / 400;
  private static final int MAX_LAG = 8000 / 70;
  private static final double SILENT_DBFS = -90;

  private double floorDb = -60;
  private short[] previous = new short[0];
  private final double[] played = new double[ECHO_WINDOW_FRAMES];
  private int playedAt;
  private final boolean[] recent = new boolean[ONSET_WINDOW_FRAMES];
  private int recentAt;
  private int recentSpeech;

  /** What one caller frame was. */
  record Frame(double levelDb, boolean sound, boolean speech) {}

  /** The assistant sent a frame at this level (dBFS); silence counts too. */
  void sent(short[] samples) {
    played[playedAt] = levelDb(samples);
    playedAt = (playedAt + 1) % played.length;
  }

  /**
   * Judges the caller's next frame: whether it is sound, and, when {@code forSpeech} (while a prompt the caller may
   * interrupt plays), whether it is speech; the voicing test costs the most, and between prompts sound is enough.
   */
  Frame heard(short[] samples, boolean forSpeech) {
    double level = levelDb(samples);
    if (level < floorDb) floorDb = Math.max(level, SILENT_DBFS);
    else floorDb = Math.min(floorDb + FLOOR_RISE_DB_PER_FRAME, level);
    boolean sound = level >= MIN_SOUND_DBFS && level >= floorDb + ABOVE_FLOOR_DB;
    boolean speech = forSpeech && sound && level >= echoLevel() - ECHO_MARGIN_DB && voiced(samples);
    previous = samples;
    if (recent[recentAt]) recentSpeech--;
    recent[recentAt] = speech;
    if (speech) recentSpeech++;
    recentAt = (recentAt + 1) % recent.length;
    return new Frame(level, sound, speech);
  }

  /** Whether the caller has started speaking: enough speech frames among the last few (see the class comment). */
  boolean speaking() {
    return recentSpeech >= ONSET_SPEECH_FRAMES;
  }

  /** Whether any of the last few frames was speech. */
  boolean speechLately() {
    return recentSpeech > 0;
  }

  /** The loudest frame the assistant sent lately, in dBFS. */
  private double echoLevel() {
    double max = SILENT_DBFS;
    for (double level : played) max = Math.max(max, level);
    return max;
  }

  private boolean voiced(short[] samples) {
    int n = previous.length + samples.length;
    double[] x = new double[n];
    for (int i = 0; i < previous.length; i++) x[i] = previous[i];
    for (int i = 0; i < samples.length; i++) x[previous.length + i] = samples[i];
    double mean = 0;
    for (double v : x) mean += v;
    mean /= n;
    for (int i = 0; i < n; i++) x[i] -= mean;
    double best = 0;
    for (int lag = MIN_LAG; lag <= Math.min(MAX_LAG, n / 2); lag++) {
      double xy = 0;
      double xx = 0;
      double yy = 0;
      for (int i = 0; i + lag < n; i++) {
        xy += x[i] * x[i + lag];
        xx += x[i] * x[i];
        yy += x[i + lag] * x[i + lag];
      }
      if (xx > 0 && yy > 0) best = Math.max(best, xy / Math.sqrt(xx * yy));
    }
    return best >= VOICED_CORRELATION;
  }

  static double levelDb(short[] samples) {
    if (samples.length == 0) return SILENT_DBFS;
    double sum = 0;
    for (short s : samples) sum += (double) s * s;
    double rms = Math.sqrt(sum / samples.length);
    return rms <= 0 ? SILENT_DBFS : Math.max(SILENT_DBFS, 20 * Math.log10(rms / 32768.0));
  }
}
