package org.empathyivr.domain.dialog;

import java.util.Optional;

/**
 * What the telephony tells us about a call before it starts.
 *
 * @param callId the telephony's unique id for the call
 * @param channel the telephony channel name, for agents and logs
 * @param callerIdNumber the caller-ID number as sent, empty when withheld or unknown
 * @param callerIdName the caller-ID name as sent, empty when withheld or unknown
 */
public record IncomingCall(
    String callId, String channel, Optional<String> callerIdNumber, Optional<String> callerIdName) {
  public IncomingCall {
    if (callId == null || callId.isBlank()) throw new IllegalArgumentException("callId is blank");
    if (channel == null) throw new IllegalArgumentException("channel == null");
  }
}
