package org.empathyivr.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.io.FileHandler;
import org.empathyivr.domain.dialog.DialogSettings;
import org.empathyivr.domain.frustration.FrustrationSettings;
import org.empathyivr.domain.port.Listening;
import org.empathyivr.domain.port.TurnEnding;

/**
 * Reads {@link Settings} from a properties file with Apache Commons Configuration. Every key has a default (listed
 * in {@link #DEFAULTS} and the README); unknown keys and bad values stop startup with a message naming each key.
 * {@link #problems(Path)} lists everything wrong with a file at once, for {@code check-config}.
 */
public final class SettingsReader {
  /** Stands for the Vosk model the build unpacked next to the jar. */
  public static final String BUNDLED = "bundled";

  /** Every key with its default, in README order. */
  public static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("agi.bind-address", "127.0.0.1");
    d.put("agi.port", "4573");
    d.put("agi.script", "support");
    d.put("agi.max-calls", "32");
    d.put("agi.allowed-clients", "");
    d.put("agi.request-timeout-seconds", "5");
    d.put("agi.stop-wait-seconds", "120");
    d.put("media.mode", "audiosocket");
    d.put("media.bind-address", "127.0.0.1");
    d.put("media.port", "9092");
    d.put("media.connect-address", "");
    d.put("media.allowed-clients", "");
    d.put("media.barge-in", "true");
    d.put("speech.model-dir", BUNDLED);
    d.put("speech.max-live-recognizers", "auto");
    d.put("speech.voices", "2");
    d.put("speech.recognizer-reuse-seconds", "60");
    d.put("speech.composed-graph", "true");
    d.put("spool.dir", "/var/spool/empathy-ivr");
    d.put("spool.keep-recordings-hours", "0");
    d.put("directory.csv-file", "");
    d.put("directory.jdbc-url", "");
    d.put("handoff.store-url", "jdbc:sqlite:/var/lib/empathy-ivr/handoffs.db");
    d.put("handoff.webhook-urls", "");
    d.put("handoff.webhook-timeout-seconds", "10");
    d.put("handoff.webhook-max-backoff-seconds", "300");
    d.put("handoff.queue", "support");
    d.put("handoff.priority", "5");
    d.put("prompts.phrasebook-file", "");
    d.put("dialog.issue.max-seconds", "45");
    d.put("dialog.issue.silence-seconds", "3");
    d.put("dialog.answer.max-seconds", "8");
    d.put("dialog.answer.silence-seconds", "2");
    d.put("dialog.issue.end-silence-ms", "500");
    d.put("dialog.issue.unfinished-silence-ms", "1500");
    d.put("dialog.answer.end-silence-ms", "400");
    d.put("dialog.answer.unfinished-silence-ms", "1000");
    d.put("dialog.max-issue-reprompts", "2");
    d.put("dialog.max-corrections", "2");
    d.put("dialog.max-answer-reprompts", "2");
    d.put("web.bind-address", "127.0.0.1");
    d.put("web.port", "8088");
    d.put("web.token", "");
    // Frustration (README "Frustration"): keep in step with FrustrationSettings.defaults().
    d.put("frustration.threshold", "0.88");
    d.put("frustration.turn-threshold", "0.5");
    d.put("frustration.tone-threshold", "0.75");
    d.put("frustration.priority", "10");
    d.put("frustration.words", "1.0");
    d.put("frustration.voice.louder-from-db", "4");
    d.put("frustration.voice.louder-per-db", "0.33");
    d.put("frustration.voice.higher-pitch-per-semitone", "0.33");
    d.put("frustration.voice.wider-range-per-semitone", "0.0");
    d.put("frustration.voice.faster-per-10-percent", "0.2");
    d.put("frustration.voice.shouting", "1.0");
    d.put("frustration.dialog.denial", "0.5");
    d.put("frustration.dialog.reprompt", "0.3");
    d.put("frustration.dialog.keys", "0.5");
    d.put("frustration.dialog.per-minute", "0.3");
    d.put("frustration.dialog.repeated-complaint", "0.8");
    return java.util.Collections.unmodifiableMap(d);
  }

  private final Map<String, String> values;
  private final String source;
  private final List<String> problems = new ArrayList<>();
  private boolean fileRead;

  private SettingsReader(Map<String, String> values, String source) {
    this.values = values;
    this.source = source;
  }

  /** Reads the file, or only the defaults when {@code file} is empty; the exception lists every problem. */
  public static Settings read(Optional<Path> file) throws ConfigException {
    if (file.isEmpty()) return new SettingsReader(new LinkedHashMap<>(DEFAULTS), "embedded defaults").settings();
    SettingsReader reader = fromFile(file.get());
    return reader.settings();
  }

  /** Reads from explicit values over the defaults (for tests and tools). */
  public static Settings read(Map<String, String> overrides) throws ConfigException {
    SettingsReader reader = new SettingsReader(new LinkedHashMap<>(DEFAULTS), "given settings");
    reader.putAll(overrides);
    return reader.settings();
  }

  /**
   * Everything wrong with a properties file, each naming its key and why: an unreadable file, keys set twice,
   * unknown keys (with the known key it was probably meant to be), bad values. Empty when the file is fine.
   */
  public static List<String> problems(Path file) {
    SettingsReader reader = fromFile(file);
    if (reader.fileRead) reader.validate();
    return List.copyOf(reader.problems);
  }

  private static SettingsReader fromFile(Path file) {
    SettingsReader reader = new SettingsReader(new LinkedHashMap<>(DEFAULTS), file.toString());
    if (!Files.isRegularFile(file)) {
      reader.problems.add("config file " + file + " does not exist");
      return reader;
    }
    PropertiesConfiguration config = new PropertiesConfiguration();
    try {
      new FileHandler(config).load(file.toFile());
    } catch (ConfigurationException e) {
      reader.problems.add("cannot read config file " + file + ": " + e.getMessage());
      return reader;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Iterator<String> keys = config.getKeys(); keys.hasNext(); ) {
      String key = keys.next();
      String[] all = config.getStringArray(key);
      if (all.length > 1) reader.problems.add("'" + key + "' is set more than once");
      values.put(key, all.length == 0 ? "" : all[0].strip());
    }
    reader.putAll(values);
    reader.fileRead = true;
    return reader;
  }

  /** Takes the known keys' values; names each unknown key, with the known key it is closest to. */
  private void putAll(Map<String, String> given) {
    for (Map.Entry<String, String> entry : given.entrySet()) {
      String key = entry.getKey();
      if (DEFAULTS.containsKey(key)) {
        values.put(key, entry.getValue());
      } else {
        problems.add("'" + key + "' is not a known key" + KeySuggestion.nearest(key, DEFAULTS.keySet())
            .map(known -> "; did you mean '" + known + "'?").orElse("; known keys: " + new TreeSet<>(DEFAULTS.keySet())));
      }
    }
  }

  private void validate() {
    try {
      settings();
    } catch (ConfigException e) {
      // the problems are in the list
    }
  }

  private Settings settings() throws ConfigException {
    Settings.Agi agi =
        new Settings.Agi(
            address("agi.bind-address"), number("agi.port", 1, 65535), word("agi.script"),
            number("agi.max-calls", 1, 1000), addresses("agi.allowed-clients"),
            Duration.ofSeconds(number("agi.request-timeout-seconds", 1, 300)),
            Duration.ofSeconds(number("agi.stop-wait-seconds", 0, 3600)));
    Settings.Media media = media(agi.port());
    Settings.Speech speech =
        new Settings.Speech(modelDir(), liveRecognizers(media.mode()), number("speech.voices", 1, 16),
            number("speech.recognizer-reuse-seconds", 0, 3600), bool("speech.composed-graph"));
    DialogSettings dialog = dialog();
    Path spool = path("spool.dir");
    Duration keepRecordings = Duration.ofHours(number("spool.keep-recordings-hours", 0, 24 * 366));
    Optional<Path> directory = optionalPath("directory.csv-file");
    Settings.Handoffs handoffs = handoffs();
    Optional<Path> phrasebook = optionalPath("prompts.phrasebook-file");
    Settings.Web web = web();
    Optional<String> directoryJdbc = directoryJdbcUrl(directory.isPresent());
    if (!problems.isEmpty()) {
      throw new ConfigException(
          source + ": " + (problems.size() > 1 ? problems.size() + " problems: " : "") + String.join("; ", problems));
    }
    return new Settings(
        agi, speech, spool, keepRecordings, directory, handoffs, phrasebook, dialog, web, directoryJdbc, media);
  }

  /** Recognizers live at once; {@code auto}: 7 on a streamed line, where callers speak at any moment, else 4. */
  private int liveRecognizers(Settings.MediaMode mode) {
    if (!values.get("speech.max-live-recognizers").equals("auto")) return number("speech.max-live-recognizers", 1, 64);
    return mode == Settings.MediaMode.RECORD ? AUTO_RECOGNIZERS_RECORDED : AUTO_RECOGNIZERS_STREAMED;
  }

  /** {@code speech.max-live-recognizers = auto} on a line whose turns Asterisk records: the memory of four. */
  static final int AUTO_RECOGNIZERS_RECORDED = 4;
  /**
   * The same on a streamed line: enough that 30 callers speaking at once know their words at each pause (with 4, the
   * 30-call bench's reply p95 was 1.7 s; with 7, 0.7 s).
   */
  static final int AUTO_RECOGNIZERS_STREAMED = 7;

  private Settings.Media media(int agiPort) {
    String modeValue = values.get("media.mode");
    Settings.MediaMode mode = switch (modeValue) {
      case "audiosocket" -> Settings.MediaMode.AUDIOSOCKET;
      case "record" -> Settings.MediaMode.RECORD;
      default -> {
        problems.add("'media.mode' must be audiosocket or record, got '" + modeValue + "'");
        yield null;
      }
    };
    InetAddress bind = address("media.bind-address");
    int port = number("media.port", 0, 65535);
    String connect = values.get("media.connect-address");
    if (connect.isBlank() && bind != null) {
      if (bind.isAnyLocalAddress()) {
        problems.add("'media.connect-address' must name the address Asterisk connects to when 'media.bind-address' is "
            + bind.getHostAddress());
      }
      connect = bind.getHostAddress();
    } else if (!connect.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
      problems.add("'media.connect-address' must be a host name or address, got '" + connect + "'");
    }
    if (port > 0 && port == agiPort) {
      problems.add("'media.port' must differ from 'agi.port' (" + port + ")");
    }
    List<InetAddress> allowed = addresses("media.allowed-clients");
    boolean bargeIn = bool("media.barge-in");
    return new Settings.Media(mode, bind, port, connect, allowed, bargeIn);
  }

  private boolean bool(String key) {
    String value = values.get(key);
    if (value.equals("true")) return true;
    if (!value.equals("false")) problems.add("'" + key + "' must be true or false, got '" + value + "'");
    return false;
  }

  /** The caller directory's database: a JDBC URL, and not beside a CSV file (one directory per line). */
  private Optional<String> directoryJdbcUrl(boolean csvToo) {
    String url = values.get("directory.jdbc-url");
    if (url.isBlank()) return Optional.empty();
    if (!url.matches("jdbc:[a-z0-9]+:.+")) {
      problems.add("'directory.jdbc-url' must be a JDBC URL such as jdbc:sqlite:/var/lib/empathy-ivr/callers.db, got '"
          + url + "'");
    }
    if (csvToo) problems.add("set 'directory.csv-file' or 'directory.jdbc-url', not both");
    return Optional.of(url);
  }

  private DialogSettings dialog() {
    int issueMax = number("dialog.issue.max-seconds", 3, 300);
    int issueSilence = number("dialog.issue.silence-seconds", 1, 30);
    int answerMax = number("dialog.answer.max-seconds", 2, 60);
    int answerSilence = number("dialog.answer.silence-seconds", 1, 30);
    int issueReprompts = number("dialog.max-issue-reprompts", 0, 10);
    int corrections = number("dialog.max-corrections", 0, 10);
    int answerReprompts = number("dialog.max-answer-reprompts", 0, 10);
    String queue = word("handoff.queue");
    int priority = number("handoff.priority", 0, 1000);
    FrustrationSettings frustration = frustration();
    if (!problems.isEmpty()) return null;
    TurnEnding issueEnding =
        ending("dialog.issue.end-silence-ms", "dialog.issue.unfinished-silence-ms", true);
    TurnEnding answerEnding =
        ending("dialog.answer.end-silence-ms", "dialog.answer.unfinished-silence-ms", false);
    if (!problems.isEmpty()) return null;
    return new DialogSettings(
        new Listening(issueMax * 1000, issueSilence, "0#", issueEnding),
        new Listening(answerMax * 1000, answerSilence, "012#", answerEnding),
        issueReprompts, corrections, answerReprompts, queue, priority, frustration);
  }

  private TurnEnding ending(String finishedKey, String unfinishedKey, boolean statement) {
    int finished = number(finishedKey, 100, 5000);
    int unfinished = number(unfinishedKey, 100, 10000);
    if (unfinished < finished) {
      problems.add("'" + unfinishedKey + "' (" + unfinished + ") must be at least '" + finishedKey + "' (" + finished + ")");
      return null;
    }
    Duration f = Duration.ofMillis(finished);
    Duration u = Duration.ofMillis(unfinished);
    return statement ? TurnEnding.statement(f, u) : TurnEnding.answer(f, u);
  }

  private FrustrationSettings frustration() {
    double threshold = decimal("frustration.threshold", 0.01, 1);
    double turnThreshold = decimal("frustration.turn-threshold", 0.01, 1);
    double toneThreshold = decimal("frustration.tone-threshold", 0.01, 1);
    int priority = number("frustration.priority", 0, 1000);
    double[] w = new double[12];
    String[] keys = {"words", "voice.louder-from-db", "voice.louder-per-db", "voice.higher-pitch-per-semitone",
        "voice.wider-range-per-semitone", "voice.faster-per-10-percent", "voice.shouting", "dialog.denial",
        "dialog.reprompt", "dialog.keys", "dialog.per-minute", "dialog.repeated-complaint"};
    for (int i = 0; i < keys.length; i++) w[i] = decimal("frustration." + keys[i], 0, i == 1 ? 40 : 100);
    if (!problems.isEmpty()) return null;
    return new FrustrationSettings(threshold, turnThreshold, toneThreshold, priority,
        w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], w[10], w[11]);
  }

  private double decimal(String key, double min, double max) {
    String value = values.get(key);
    try {
      if (value.matches("[0-9]+(\\.[0-9]+)?")) {
        double d = Double.parseDouble(value);
        if (d >= min && d <= max) return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add("'" + key + "' must be a decimal number from " + min + " to " + max + ", got '" + value + "'");
    return min;
  }

  private Settings.Handoffs handoffs() {
    String store = values.get("handoff.store-url");
    boolean jsonLines = store.startsWith("jsonl:");
    if (jsonLines ? store.length() == "jsonl:".length() : !store.matches("jdbc:[a-z0-9]+:.+")) {
      problems.add("'handoff.store-url' must be a JDBC URL such as jdbc:sqlite:/var/lib/empathy-ivr/handoffs.db"
          + " or jdbc:postgresql://host/db, or jsonl:/path/handoffs.jsonl, got '" + store + "'");
    }
    List<URI> webhooks = new ArrayList<>();
    String urls = values.get("handoff.webhook-urls");
    if (!urls.isBlank()) {
      for (String one : urls.split(",")) {
        String url = one.strip();
        try {
          URI uri = new URI(url);
          if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
            webhooks.add(uri);
            continue;
          }
        } catch (URISyntaxException e) {
          // reported below
        }
        problems.add("'handoff.webhook-urls' must be http:// or https:// URLs separated by commas, got '" + url + "'");
      }
    }
    if (jsonLines && !webhooks.isEmpty()) {
      problems.add("'handoff.webhook-urls' need a jdbc: 'handoff.store-url' (the outbox is kept in the database)");
    }
    int timeout = number("handoff.webhook-timeout-seconds", 1, 300);
    int maxBackoff = number("handoff.webhook-max-backoff-seconds", 2, 86_400);
    return new Settings.Handoffs(store, webhooks, Duration.ofSeconds(timeout), Duration.ofSeconds(maxBackoff));
  }

  private Settings.Web web() {
    InetAddress address = address("web.bind-address");
    int port = number("web.port", 1, 65535);
    String token = values.get("web.token");
    // A guessable token is no lock: ask for one worth the name (openssl rand -hex 16 makes 32 characters).
    if (!token.isEmpty() && (token.length() < 16 || !token.matches("[\\x21-\\x7e]+"))) {
      problems.add("'web.token' must be at least 16 printable characters without spaces (try: openssl rand -hex 16)");
    }
    return new Settings.Web(address, port, token.isEmpty() ? Optional.empty() : Optional.of(token));
  }

  private int number(String key, int min, int max) {
    String value = values.get(key);
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add("'" + key + "' must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    return min;
  }

  private String word(String key) {
    String value = values.get(key);
    if (value.matches("[A-Za-z0-9_.\\-]+")) return value;
    problems.add("'" + key + "' must be letters, digits, '.', '-' or '_', got '" + value + "'");
    return "invalid";
  }

  private InetAddress address(String key) {
    String value = values.get(key);
    try {
      if (value.matches("[0-9.]+|[0-9a-fA-F:]+|localhost")) return InetAddress.getByName(value);
    } catch (UnknownHostException e) {
      // reported below
    }
    problems.add("'" + key + "' must be an IP address such as 127.0.0.1, got '" + value + "'");
    return InetAddress.getLoopbackAddress();
  }

  private List<InetAddress> addresses(String key) {
    List<InetAddress> addresses = new ArrayList<>();
    String value = values.get(key);
    if (value.isBlank()) return addresses;
    for (String one : value.split(",")) {
      String address = one.strip();
      try {
        if (address.matches("[0-9.]+|[0-9a-fA-F:]+")) {
          addresses.add(InetAddress.getByName(address));
          continue;
        }
      } catch (UnknownHostException e) {
        // reported below
      }
      problems.add("'" + key + "' must be IP addresses separated by commas, got '" + address + "'");
    }
    return addresses;
  }

  private Path path(String key) {
    String value = values.get(key);
    if (!value.isBlank()) return Path.of(value);
    problems.add("'" + key + "' must be a path");
    return Path.of(".");
  }

  private Optional<Path> optionalPath(String key) {
    String value = values.get(key);
    return value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
  }

  private Path modelDir() {
    String value = values.get("speech.model-dir");
    if (!value.equals(BUNDLED)) return path("speech.model-dir");
    return bundledModelDir();
  }

  /** The model the build unpacks beside the jar (target/vosk-model-en-us next to target/empathy-ivr.jar). */
  public static Path bundledModelDir() {
    try {
      Path code = Path.of(SettingsReader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = Files.isDirectory(code) ? code.getParent() : code.toAbsolutePath().getParent();
      return dir.resolve("vosk-model-en-us");
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Path.of("target", "vosk-model-en-us").toAbsolutePath();
    }
  }
}
