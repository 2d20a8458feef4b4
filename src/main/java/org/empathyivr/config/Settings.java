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
 */
public record Settings(
    Agi agi,
    Speech speech,
    Path spoolDir,
    Duration keepRecordings,
    Optional<Path> callerDirectory,
    Handoffs handoffs,
    Optional<Path> phrasebook,
    DialogSettings dialog) {

  /**
   * @param bindAddress the address to listen on (loopback by default: FastAGI has no authentication)
   * @param port the TCP port
   * @param script the script name in {@code agi://host:port/NAME}
   * @param maxCalls the most calls served at once
   * @param allowedClients the Asterisk addresses that may connect; empty allows any (FastAGI has no authentication)
   */
  public record Agi(InetAddress bindAddress, int port, String script, int maxCalls, List<InetAddress> allowedClients) {
    public Agi {
      allowedClients = List.copyOf(allowedClients);
    }
  }

  /**
   * @param modelDir the Vosk model directory
   * @param maxLiveRecognizers the most Vosk recognizers alive at once (each costs memory while it decodes)
   * @param voices how many FreeTTS kevin16 voices are loaded: prompts synthesized at the same moment
   */
  public record Speech(Path modelDir, int maxLiveRecognizers, int voices) {}

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
}
