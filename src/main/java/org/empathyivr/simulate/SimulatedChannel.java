package org.empathyivr.simulate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Asterisk channel and dialplan behind one simulated FastAGI session: answers each command line as Asterisk
 * 22.10.1's {@code agi_handle_command()} does. Command words match case-insensitively; on a hung-up channel only the
 * commands Asterisk marks as allowed run, the others get {@code 511}; an unknown command gets {@code 510}.
 *
 * <p>Used by one thread.
 */
final class SimulatedChannel {
  private static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";
  private static final String UNKNOWN = "510 Invalid or unknown command";
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^${}]*)\\}");
  private static final int STATE_RING = 4;
  private static final int STATE_UP = 6;

  /** Asterisk's AGI commands, as words, and whether each runs on a hung-up channel. */
  private static final List<Map.Entry<String[], Boolean>> COMMANDS = new ArrayList<>();

  static {
    for (String dead : List.of("asyncagi break", "database del", "database deltree", "database get", "database put",
        "exec", "get full variable", "get variable", "gosub", "noop", "set variable", "verbose")) {
      COMMANDS.add(Map.entry(dead.split(" "), true));
    }
    for (String live : List.of("answer", "channel status", "control stream file", "get data", "get option", "hangup",
        "receive char", "receive text", "record file", "say alpha", "say date", "say datetime", "say digits",
        "say number", "say phonetic", "say time", "send image", "send text", "set autohangup", "set callerid",
        "set context", "set extension", "set music", "set priority", "stream file", "tdd mode", "wait for digit",
        "speech create", "speech set", "speech destroy", "speech load grammar", "speech unload grammar",
        "speech activate grammar", "speech deactivate grammar", "speech recognize")) {
      COMMANDS.add(Map.entry(live.split(" "), false));
    }
  }

  final AgiRequest request;
  final Deque<CallerTurn> turns;
  final LongSupplier clockMs;
  final long patienceMs;
  private final Consumer<Event> events;
  private final CallerMedia media;
  private final Map<String, String> serviceVariables = new LinkedHashMap<>();
  private final Map<String, String> channelVariables = new HashMap<>();
  private final Map<String, String> database = new HashMap<>();
  private Function<String, Reply> audioSocket = args -> Reply.of("200 result=-2");
  private boolean alive = true;
  private boolean answered;
  private boolean hangupUnreported;
  private String status = "SUCCESS";

  SimulatedChannel(AgiRequest request, List<CallerTurn> turns, SoundFiles sounds, LongSupplier clockMs,
      long patienceMs, Consumer<Event> events) {
    this.request = request;
    this.turns = new ArrayDeque<>(turns);
    this.clockMs = clockMs;
    this.patienceMs = patienceMs;
    this.events = events;
    this.media = new CallerMedia(this, sounds);
  }

  boolean isAlive() {
    return alive;
  }

  /** Whether the channel is up ({@code ANSWER} or {@code EXEC Answer}); CHANNEL STATUS says 4 (ring) before. */
  boolean isAnswered() {
    return answered;
  }

  /** What runs {@code EXEC AudioSocket} (given the application's argument) and gives its reply. */
  void audioSocket(Function<String, Reply> runner) {
    this.audioSocket = runner;
  }

  String agiStatus() {
    return status;
  }

  Map<String, String> variables() {
    return serviceVariables;
  }

  void emit(Event event) {
    events.accept(event);
  }

  /** A command failed while the channel was up: Asterisk's final AGISTATUS becomes FAILURE. */
  void fail() {
    if (alive) status = "FAILURE";
  }

  /** The caller (or the service) hangs up; the session reports it when the command's time has passed. */
  void hangUp() {
    if (!alive) return;
    alive = false;
    hangupUnreported = true;
    if (status.equals("SUCCESS")) status = "HANGUP";
  }

  /** Emits {@link Event.HungUp} for a hangup not yet reported. */
  void reportHangup() {
    if (hangupUnreported) emit(new Event.HungUp(clockMs.getAsLong()));
    hangupUnreported = false;
  }

  void setChannelVariable(String name, String value) {
    channelVariables.put(name, value);
  }

  /** Answers one command line (without its {@code \n}). */
  Reply handle(String line) {
    List<String> argv = AgiArguments.parse(line);
    Map.Entry<String[], Boolean> command = find(argv);
    if (command == null) return Reply.of(UNKNOWN);
    if (!alive && !command.getValue()) return Reply.of(DEAD);
    String name = String.join(" ", command.getKey());
    int argc = argv.size();
    return switch (name) {
      case "answer" -> answer();
      case "channel status" -> argc > 3 ? Usage.reply(Usage.GENERIC)
          : argc == 3 && !argv.get(2).equals(request.channel()) ? Reply.of("200 result=-1")
          : Reply.of("200 result=" + (answered ? STATE_UP : STATE_RING));
      case "stream file" -> media.streamFile(argv);
      case "control stream file" -> media.controlStreamFile(argv);
      case "record file" -> media.recordFile(argv);
      case "get data" -> media.getData(argv);
      case "wait for digit" -> media.waitForDigit(argv);
      case "say alpha", "say digits", "say number", "say phonetic" ->
          argc < 4 ? Usage.reply(Usage.GENERIC) : Reply.of("200 result=0");
      case "set variable" -> argc != 4 ? Usage.reply(Usage.SET_VARIABLE) : setVariable(argv.get(2), argv.get(3));
      case "get variable" -> argc != 3 ? Usage.reply(Usage.GET_VARIABLE) : getVariable(argv.get(2));
      case "get full variable" -> argc < 4 || argc > 5 ? Usage.reply(Usage.GENERIC)
          : Reply.of("200 result=1 (" + substitute(argv.get(3)) + ")");
      case "exec" -> argc < 2 ? Usage.reply(Usage.GENERIC) : exec(argv.get(1), argc > 2 ? argv.get(2) : "");
      case "verbose" -> argc < 2 ? Usage.reply(Usage.GENERIC) : Reply.of("200 result=1");
      case "noop" -> Reply.of("200 result=0");
      case "database put" -> argc != 5 ? Usage.reply(Usage.GENERIC) : databasePut(argv);
      case "database get" -> argc != 4 ? Usage.reply(Usage.GENERIC)
          : Optional.ofNullable(database.get(argv.get(2) + "/" + argv.get(3)))
              .map(v -> Reply.of("200 result=1 (" + v + ")")).orElse(Reply.of("200 result=0"));
      case "database del" -> argc != 4 ? Usage.reply(Usage.GENERIC)
          : Reply.of("200 result=" + (database.remove(argv.get(2) + "/" + argv.get(3)) != null ? 1 : 0));
      case "hangup" -> hangupCommand(argv);
      case "set context", "set extension", "set priority", "set music", "set autohangup" ->
          argc < 3 ? Usage.reply(Usage.GENERIC) : Reply.of("200 result=0");
      case "set callerid" -> argc < 3 ? Usage.reply(Usage.GENERIC) : Reply.of("200 result=1");
      default -> throw new UnsupportedOperationException(
          "the simulated Asterisk does not simulate '" + name.toUpperCase(Locale.ROOT) + "' (line: " + line + ")");
    };
  }

  private static Map.Entry<String[], Boolean> find(List<String> argv) {
    for (Map.Entry<String[], Boolean> command : COMMANDS) {
      String[] words = command.getKey();
      if (argv.size() < words.length) continue;
      boolean match = true;
      for (int i = 0; i < words.length && match; i++) match = words[i].equalsIgnoreCase(argv.get(i));
      if (match) return command;
    }
    return null;
  }

  private Reply answer() {
    if (!answered) emit(new Event.Answered(clockMs.getAsLong()));
    answered = true;
    return Reply.of("200 result=0");
  }

  private Reply setVariable(String name, String value) {
    String plain = VariableNames.plain(name);
    serviceVariables.keySet().removeIf(existing -> VariableNames.plain(existing).equals(plain));
    serviceVariables.put(name, value);
    emit(new Event.VariableSet(name, value));
    return Reply.of("200 result=1");
  }

  private Reply getVariable(String name) {
    return lookup(name).map(v -> Reply.of("200 result=1 (" + v + ")")).orElse(Reply.of("200 result=0"));
  }

  private Optional<String> lookup(String name) {
    String plain = VariableNames.plain(name);
    for (Map.Entry<String, String> e : serviceVariables.entrySet()) {
      if (VariableNames.plain(e.getKey()).equals(plain)) return Optional.of(e.getValue());
    }
    return switch (name) {
      case "CHANNEL" -> Optional.of(request.channel());
      case "UNIQUEID" -> Optional.of(request.uniqueId());
      case "CONTEXT" -> Optional.of(request.context());
      case "EXTEN" -> Optional.of(request.extension());
      case "PRIORITY" -> Optional.of(String.valueOf(request.priority()));
      case "CALLERID(num)" -> Optional.of(request.callerId());
      case "CALLERID(name)" -> Optional.of(request.callerIdName());
      case "CHANNEL(language)" -> Optional.of(request.language());
      default -> Optional.ofNullable(channelVariables.get(name));
    };
  }

  private String substitute(String expression) {
    Matcher m = EXPRESSION.matcher(expression);
    StringBuilder out = new StringBuilder();
    while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(lookup(m.group(1)).orElse("")));
    m.appendTail(out);
    return out.toString();
  }

  private Reply exec(String app, String args) {
    switch (app.toLowerCase(Locale.ROOT)) {
      case "set" -> {
        int eq = args.indexOf('=');
        if (eq > 0) setVariable(args.substring(0, eq), args.substring(eq + 1));
        return Reply.of("200 result=0");
      }
      case "answer" -> {
        return alive ? answer() : Reply.of("200 result=-1"); // ast_answer() refuses a hung-up channel
      }
      case "audiosocket" -> {
        return audioSocket.apply(args);
      }
      case "noop", "verbose", "log", "playback", "wait", "progress", "ringing", "userevent" -> {
        return Reply.of("200 result=0");
      }
      default -> {
        return Reply.of("200 result=-2");
      }
    }
  }

  private Reply databasePut(List<String> argv) {
    database.put(argv.get(2) + "/" + argv.get(3), argv.get(4));
    return Reply.of("200 result=1");
  }

  private Reply hangupCommand(List<String> argv) {
    if (argv.size() > 2) return Usage.reply(Usage.GENERIC);
    if (argv.size() == 2 && !argv.get(1).equals(request.channel())) return Reply.of("200 result=-1");
    hangUp();
    return Reply.of("200 result=1").withNotice(Reply.HangupNotice.IMMEDIATELY);
  }
}
