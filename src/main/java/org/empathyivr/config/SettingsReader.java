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
import org.empathyivr.domain.port.Listening;

/**
 * Reads {@link Settings} from a properties file with Apache Commons Configuration. Every key has a default (listed
 * in {@link #DEFAULTS} and the README); unknown keys and bad values stop startup with a message naming the key.
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
    d.put("speech.model-dir", BUNDLED);
    d.put("speech.max-live-recognizers", "4");
    d.put("speech.voices", "2");
    d.put("spool.dir", "/var/spool/empathy-ivr");
    d.put("spool.keep-recordings-hours", "0");
    d.put("directory.csv-file", "");
    d.put("handoff.store-url", "jdbc:sqlite:/var/lib/empathy-ivr/handoffs.db");
    d.put("handoff.webhook-urls", "");
    d.put("handoff.webhook-timeout-seconds", "10");
    d.put("handoff.webhook-max-backoff-seconds", "300");
    d.put("handoff.queue", "support");
    d.put("handoff.priority", "5");
    d.put("prompts.phrasebook-file", "");
    d.put("dialog.issue.max-seconds", "30");
    d.put("dialog.issue.silence-seconds", "3");
    d.put("dialog.answer.max-seconds", "8");
    d.put("dialog.answer.silence-seconds", "2");
    d.put("dialog.max-issue-reprompts", "2");
    d.put("dialog.max-corrections", "2");
    d.put("dialog.max-answer-reprompts", "2");
    return java.util.Collections.unmodifiableMap(d);
  }

  private final Map<String, String> values;
  private final String source;
  private final List<String> problems = new ArrayList<>();

  private SettingsReader(Map<String, String> values, String source) {
    this.values = values;
    this.source = source;
  }

  /** Reads the file, or only the defaults when {@code file} is empty. */
  public static Settings read(Optional<Path> file) throws ConfigException {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    String source = "embedded defaults";
    if (file.isPresent()) {
      source = file.get().toString();
      values.putAll(load(file.get()));
    }
    return new SettingsReader(values, source).settings();
  }

  /** Reads from explicit values over the defaults (for tests and tools). */
  public static Settings read(Map<String, String> overrides) throws ConfigException {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    unknownKeys(overrides.keySet(), "given settings");
    values.putAll(overrides);
    return new SettingsReader(values, "given settings").settings();
  }

  private static Map<String, String> load(Path file) throws ConfigException {
    if (!Files.isRegularFile(file)) throw new ConfigException("config file " + file + " does not exist");
    PropertiesConfiguration config = new PropertiesConfiguration();
    try {
      new FileHandler(config).load(file.toFile());
    } catch (ConfigurationException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Iterator<String> keys = config.getKeys(); keys.hasNext(); ) {
      String key = keys.next();
      String[] all = config.getStringArray(key);
      if (all.length > 1) throw new ConfigException(file + ": key '" + key + "' is set more than once");
      values.put(key, all.length == 0 ? "" : all[0].strip());
    }
    unknownKeys(values.keySet(), file.toString());
    return values;
  }

  private static void unknownKeys(Iterable<String> keys, String source) throws ConfigException {
    List<String> unknown = new ArrayList<>();
    for (String key : keys) if (!DEFAULTS.containsKey(key)) unknown.add(key);
    if (!unknown.isEmpty()) {
      throw new ConfigException(
          source + ": unknown key" + (unknown.size() > 1 ? "s " : " ") + unknown + "; known keys: "
              + new TreeSet<>(DEFAULTS.keySet()));
    }
  }

  private Settings settings() throws ConfigException {
    Settings.Agi agi =
        new Settings.Agi(
            address("agi.bind-address"), number("agi.port", 1, 65535), word("agi.script"),
            number("agi.max-calls", 1, 1000), addresses("agi.allowed-clients"));
    Settings.Speech speech =
        new Settings.Speech(modelDir(), number("speech.max-live-recognizers", 1, 64), number("speech.voices", 1, 16));
    DialogSettings dialog = dialog();
    Path spool = path("spool.dir");
    Duration keepRecordings = Duration.ofHours(number("spool.keep-recordings-hours", 0, 24 * 366));
    Optional<Path> directory = optionalPath("directory.csv-file");
    Settings.Handoffs handoffs = handoffs();
    Optional<Path> phrasebook = optionalPath("prompts.phrasebook-file");
    if (!problems.isEmpty()) throw new ConfigException(source + ": " + String.join("; ", problems));
    return new Settings(agi, speech, spool, keepRecordings, directory, handoffs, phrasebook, dialog);
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
    if (!problems.isEmpty()) return null;
    return new DialogSettings(
        new Listening(issueMax * 1000, issueSilence, "0#"),
        new Listening(answerMax * 1000, answerSilence, "012#"),
        issueReprompts, corrections, answerReprompts, queue, priority);
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
