package org.empathyivr.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * The request header Asterisk 22 sends when it connects: these {@code name: value} lines in this order, then an empty
 * line ({@code agi_accountcode} has an empty value and so ends in a space). {@code agi_arg_N} lines follow {@code
 * agi_threadid} only when the dialplan passes arguments.
 */
record AgiRequest(
    String script,
    String host,
    int port,
    String channel,
    String language,
    String uniqueId,
    String callerId,
    String callerIdName,
    int callingPres,
    String context,
    String extension,
    int priority,
    String threadId,
    List<String> args) {

  /** The channel technology: {@code Local} for {@code Local/s@caller-00000001;1}. */
  String type() {
    int slash = channel.indexOf('/');
    return slash < 0 ? channel : channel.substring(0, slash);
  }

  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("agi_network: yes");
    lines.add("agi_network_script: " + script);
    lines.add("agi_request: agi://" + host + ":" + port + "/" + script);
    lines.add("agi_channel: " + channel);
    lines.add("agi_language: " + language);
    lines.add("agi_type: " + type());
    lines.add("agi_uniqueid: " + uniqueId);
    lines.add("agi_version: 22.10.1");
    lines.add("agi_callerid: " + callerId);
    lines.add("agi_calleridname: " + callerIdName);
    lines.add("agi_callingpres: " + callingPres);
    lines.add("agi_callingani2: 0");
    lines.add("agi_callington: 0");
    lines.add("agi_callingtns: 0");
    lines.add("agi_dnid: unknown");
    lines.add("agi_rdnis: unknown");
    lines.add("agi_context: " + context);
    lines.add("agi_extension: " + extension);
    lines.add("agi_priority: " + priority);
    lines.add("agi_enhanced: 0.0");
    lines.add("agi_accountcode: ");
    lines.add("agi_threadid: " + threadId);
    for (int i = 0; i < args.size(); i++) lines.add("agi_arg_" + (i + 1) + ": " + args.get(i));
    lines.add("");
    return lines;
  }
}
