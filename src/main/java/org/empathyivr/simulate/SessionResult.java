package org.empathyivr.simulate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of one simulated call.
 *
 * @param variables every variable the service set ({@code SET VARIABLE}, {@code EXEC Set}), names exactly as sent,
 *     in
 *     order; as in Asterisk, setting {@code _NAME} or {@code __NAME} replaces {@code NAME} and the other way round
 * @param agiStatus what Asterisk would set {@code AGISTATUS} to: {@code SUCCESS}, {@code FAILURE} (a failed {@code
 *     STREAM FILE} or {@code RECORD FILE ... (writefile)} while the channel was up, sticky) or {@code HANGUP}
 * @param events what happened, in order
 * @param thinkTimes for each command that followed a reply: from the reply being sent to the command arriving
 * @param thinkTimesAfterRecordings the same, only after {@code RECORD FILE} replies that wrote a recording and did not
 *     end in a hangup: the dead air after the caller stops speaking
 * @param thinkTimesBetweenPrompts the same, only for a {@code STREAM FILE} that followed one that played to its end:
 *     the dead air between two prompts the assistant says one after the other
 * @param wire every line on the wire without its {@code \n}: {@code "<< "} Asterisk to service (the header's empty
 *     line included, as {@code "<< "}), {@code ">> "} service to Asterisk
 * @param serviceClosedSocket whether the session ended because the service closed the connection
 * @param gaveUp whether the simulator ended the session itself at its {@code giveUpAfter} limit
 */
public record SessionResult(
    Map<String, String> variables,
    String agiStatus,
    List<Event> events,
    List<Duration> thinkTimes,
    List<Duration> thinkTimesAfterRecordings,
    List<Duration> thinkTimesBetweenPrompts,
    List<String> wire,
    boolean serviceClosedSocket,
    boolean gaveUp) {

  public SessionResult {
    variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    events = List.copyOf(events);
    thinkTimes = List.copyOf(thinkTimes);
    thinkTimesAfterRecordings = List.copyOf(thinkTimesAfterRecordings);
    thinkTimesBetweenPrompts = List.copyOf(thinkTimesBetweenPrompts);
    wire = List.copyOf(wire);
  }

  /**
   * The value of a variable by its plain name, also when it was set with Asterisk's inheritance prefix ({@code _NAME}
   * or {@code __NAME}), as Asterisk's own lookup does. (Like Asterisk, setting {@code _NAME} replaces {@code NAME},
   * so there is at most one.)
   */
  public Optional<String> variable(String name) {
    String plain = VariableNames.plain(name);
    return variables.entrySet().stream()
        .filter(e -> VariableNames.plain(e.getKey()).equals(plain))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** {@code AJ_AGISTATUS}, which asterisk-java sets at the end of its script. */
  public Optional<String> ajAgiStatus() {
    return variable("AJ_AGISTATUS");
  }

  /** The events of one type, in order. */
  public <T extends Event> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
