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
 * @param audioSockets each {@code EXEC AudioSocket}, in order: when, how it ended, its reply
 * @param callerSpeech on an AudioSocket call, each caller turn that spoke and whose sound reached the service: when
 *     its first and last frame with sound (peak at least 500) was sent
 * @param replyLatencies on an AudioSocket call, for each polite turn ({@link CallerTurn.Says}) that spoke: from the
 *     end of its speech ({@link CallerSpeech#endMs()}) to the first frame with sound (peak at least 300) the caller
 *     heard afterwards; a speech that got no such frame has none
 * @param bargeInStopTimes on an AudioSocket call, for each {@link CallerTurn.Interrupts} that spoke over the assistant:
 *     from the start of its speech to the moment the assistant's audio went quiet (the first frame of a run of at
 *     least 100 ms without sound that began after the speech started); none when the assistant had already stopped
 * @param heard every frame the caller heard during {@code EXEC AudioSocket}, with its arrival time
 * @param callTime from {@code ANSWER} to the end of the FastAGI session; empty for a call never answered
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
    boolean gaveUp,
    List<AudioSocketRun> audioSockets,
    List<CallerSpeech> callerSpeech,
    List<Duration> replyLatencies,
    List<Duration> bargeInStopTimes,
    List<HeardFrame> heard,
    Optional<Duration> callTime) {

  public SessionResult {
    variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    events = List.copyOf(events);
    thinkTimes = List.copyOf(thinkTimes);
    thinkTimesAfterRecordings = List.copyOf(thinkTimesAfterRecordings);
    thinkTimesBetweenPrompts = List.copyOf(thinkTimesBetweenPrompts);
    wire = List.copyOf(wire);
    audioSockets = List.copyOf(audioSockets);
    callerSpeech = List.copyOf(callerSpeech);
    replyLatencies = List.copyOf(replyLatencies);
    bargeInStopTimes = List.copyOf(bargeInStopTimes);
    heard = List.copyOf(heard);
    java.util.Objects.requireNonNull(callTime, "callTime");
  }

  /** A call without AudioSocket figures (as results were before AudioSocket). */
  public SessionResult(Map<String, String> variables, String agiStatus, List<Event> events, List<Duration> thinkTimes,
      List<Duration> thinkTimesAfterRecordings, List<Duration> thinkTimesBetweenPrompts, List<String> wire,
      boolean serviceClosedSocket, boolean gaveUp) {
    this(variables, agiStatus, events, thinkTimes, thinkTimesAfterRecordings, thinkTimesBetweenPrompts, wire,
        serviceClosedSocket, gaveUp, List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty());
  }

  /** Whether the service used {@code EXEC AudioSocket} in this call. */
  public boolean usedAudioSocket() {
    return !audioSockets.isEmpty();
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
