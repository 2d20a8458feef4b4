package org.empathyivr.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asterisk's {@code 520} reply: {@code "520-Invalid command syntax.  Proper usage follows:"}, the command's usage text
 * (built from its XML documentation, markup left in), {@code "520 End of proper usage."}. The texts of {@code STREAM
 * FILE} and {@code RECORD FILE} are copied from Asterisk 22.10.1 captures; the others are from Asterisk's
 * documentation and have not been checked against a live Asterisk.
 */
final class Usage {
  static final String STREAM_FILE =
      "Send the given file, allowing playback to be interrupted by the given digits, if any. Returns <literal>0</literal> if playback completes without a digit being pressed, or the ASCII numerical value of the digit if one was pressed, or <literal>-1</literal> on error or if the channel was disconnected. If musiconhold is playing before calling stream file it will be automatically stopped and will not be restarted after completion.\n"
          + "It sets the following channel variables upon completion:\n"
          + "<variable>PLAYBACKSTATUS</variable>: The status of the playback attempt as a text string.\n"
          + "    <value>SUCCESS</value>\n"
          + "    <value>FAILED</value>";
  static final String RECORD_FILE =
      "Record to a file until a given dtmf digit in the sequence is received. Returns <literal>-1</literal> on hangup or error.  The format will specify what kind of file will be recorded. The <replaceable>timeout</replaceable> is the maximum record time in milliseconds, or <literal>-1</literal> for no <replaceable>timeout</replaceable>. <replaceable>offset samples</replaceable> is optional, and, if provided, will seek to the offset without exceeding the end of the file. <replaceable>beep</replaceable> can take any value, and causes Asterisk to play a beep to the channel that is about to be recorded. <replaceable>silence</replaceable> is the number of seconds of silence allowed before the function returns despite the lack of dtmf digits or reaching <replaceable>timeout</replaceable>. <replaceable>silence</replaceable> value must be preceded by <literal>s=</literal> and is also optional.";
  static final String SET_VARIABLE = "Sets a variable to the current channel.";
  static final String GET_VARIABLE =
      "Returns <literal>0</literal> if <replaceable>variablename</replaceable> is not set. Returns <literal>1</literal> if <replaceable>variablename</replaceable> is set and returns the variable in parentheses.";
  static final String WAIT_FOR_DIGIT =
      "Waits up to <replaceable>timeout</replaceable> milliseconds for channel to receive a DTMF digit. Returns <literal>-1</literal> on channel failure, <literal>0</literal> if no digit is received in the timeout, or the numerical value of the ascii of the digit if one is received. Use -1 for the <replaceable>timeout</replaceable> value if you desire the call to block indefinitely.";
  static final String GENERIC = "(usage text not simulated)";

  private Usage() {}

  static Reply reply(String usage) {
    List<String> lines = new ArrayList<>();
    lines.add("520-Invalid command syntax.  Proper usage follows:");
    lines.addAll(List.of(usage.split("\n", -1)));
    lines.add("520 End of proper usage.");
    return new Reply(List.copyOf(lines), 0, 0, Reply.HangupNotice.NONE, false, Optional.empty());
  }
}
