package org.empathyivr.config;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.empathyivr.domain.dialog.DialogSettings;

/**
 * Everything configurable, read once at startup from the properties file (or the embedded defaults).
 *
 * @param agi where and how the FastAGI server listens
 * @param speech recognition and synthesis
 * @param spoolDir the directory shared with Asterisk for prompts and recordings
 * @param keepRecordings how long callers' recordings are kept after transcription; zero deletes them at once
 * @param callerDirectory the CSV file of known callers, if any
 * @param handoffs where handoffs are stored and sent
 * @param phrasebook an admin's phrasebook file, or empty for the bundled one
 * @param dialog how patient the assistant is and where it sends callers
 * @param web the agent page, its JSON API, metrics and health
 * @param callerDirectoryJdbcUrl a database with a {@code callers(number, name)} table of known callers, if any
 * @param media how the call's audio reaches the service
 */
public record Settings(
    Agi agi,
    Speech speech,
    Path spoolDir,
    Duration keepRecordings,
    Optional<Path> callerDirectory,
    Handoffs handoffs,
    Optional<Path> phrasebook,
    DialogSettings dialog,
    Web web,
    Optional<String> callerDirectoryJdbcUrl,
    Media media) {

  /**
   * How the call's audio reaches the service.
   *
   * @param mode {@link MediaMode#AUDIOSOCKET}: streamed both ways over AudioSocket, the assistant always listening;
   *     {@link MediaMode#RECORD}: Asterisk plays prompt files and records each turn ({@code RECORD FILE})
   * @param bindAddress where the AudioSocket listener listens (loopback by default: AudioSocket has no
   *     authentication)
   * @param port its TCP port
   * @param connectAddress the address Asterisk is told to connect to ({@code EXEC AudioSocket uuid,HOST:PORT})
   * @param allowedClients the Asterisk addresses that may connect; empty allows any
   * @param bargeIn whether the caller may interrupt a prompt by speaking
   */
  public record Media(
      MediaMode mode, InetAddress bindAddress, int port, String connectAddress, List<InetAddress> allowedClients,
      boolean bargeIn) {
    public Media {
      allowedClients = List.copyOf(allowedClients);
    }
  }

  /** How the call's audio reaches the service. */
  public enum MediaMode {
    AUDIOSOCKET,
    RECORD
  }

  /**
   * @param bindAddress the address to listen on (loopback by default: FastAGI has no authentication)
   * @param port the TCP port
   * @param script the script name in {@code agi://host:port/NAME}
   * @param maxCalls the most calls served at once
   * @param allowedClients the Asterisk addresses that may connect; empty allows any (FastAGI has no authentication)
   * @param requestTimeout how long a new connection may take to send its whole request before it is closed
   * @param stopWait how long a stop waits for calls in progress to end
   */
  public record Agi(
      InetAddress bindAddress,
      int port,
      String script,
      int maxCalls,
      List<InetAddress> allowedClients,
      Duration requestTimeout,
      Duration stopWait) {
    public Agi {
      allowedClients = List.copyOf(allowedClients);
    }
  }

  /**
   * @param modelDir the Vosk model directory
   * @param maxLiveRecognizers the most Vosk recognizers alive at once (each costs memory while it decodes)
   * @param voices how many FreeTTS kevin16 voices are loaded: prompts synthesized at the same moment
   * @param recognizerReuseSeconds how many seconds of audio a Vosk recognizer decodes before it is freed rather than
   *     used for the next recording (0: a new one for each recording)
   * @param composedGraph whether free speech is decoded with the graph the build composed ahead of time ({@code
   *     composed/} in the model directory), when it is there
   */
  public record Speech(
      Path modelDir, int maxLiveRecognizers, int voices, int recognizerReuseSeconds, boolean composedGraph) {}

  /**
   * @param storeUrl {@code jdbc:…} for a database, {@code jsonl:PATH} for a JSON-lines file
   * @param webhookUrls where each handoff is POSTed; empty for none
   * @param webhookTimeout for connecting to a webhook and for its answer
   * @param webhookMaxBackoff the longest wait between attempts to deliver to a receiver that is down
   */
  public record Handoffs(String storeUrl, List<URI> webhookUrls, Duration webhookTimeout, Duration webhookMaxBackoff) {
    public Handoffs {
      webhookUrls = List.copyOf(webhookUrls);
    }
  }

  /**
   * @param bindAddress the address the agent page listens on (loopback by default)
   * @param port its TCP port
   * @param token the bearer token agents and tools present; empty leaves the web server off
   */
  public record Web(InetAddress bindAddress, int port, Optional<String> token) {
    @Override
    public String toString() {
      return "Web[bindAddress=" + bindAddress + ", port=" + port + ", token=" + (token.isPresent() ? "***" : "none") + "]";
    }
  }
}
