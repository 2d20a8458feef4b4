package org.empathyivr.simulate;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;

/**
 * Asterisk's {@code AGI(hagi://NAME/SCRIPT)}: it looks up the DNS SRV records of {@code _agi._tcp.NAME} and launches
 * the script on each target in turn, {@code agi://TARGET:PORT/SCRIPT}, until one accepts the connection. The order
 * is Asterisk 22's ({@code main/srv.c}), which is not RFC 2782's: lowest priority first, and within one priority the
 * first record, in the DNS answer's order, whose own weight reaches a random draw. A target that accepts and then
 * fails is not retried: the call goes on in the dialplan (which sends it to a human).
 *
 * <p>The records are given rather than looked up, so tests need no DNS server; {@link #order} is what Asterisk's
 * resolver does with them.
 */
public final class HagiFailover {
  /** One SRV record: {@code _agi._tcp.NAME. SRV priority weight port target}. */
  public record SrvRecord(int priority, int weight, int port, String target) {
    public SrvRecord {
      if (priority < 0 || priority > 65535) throw new IllegalArgumentException("priority out of range: " + priority);
      if (weight < 0 || weight > 65535) throw new IllegalArgumentException("weight out of range: " + weight);
      if (port <= 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
      Objects.requireNonNull(target, "target");
    }
  }

  /** A call placed through the failover: the target that took it, and the session. */
  public record Placed(SrvRecord target, SessionResult result, List<SrvRecord> unreachable) {}

  private final List<SrvRecord> records;
  private final Random random;

  public HagiFailover(List<SrvRecord> records, Random random) {
    if (records.isEmpty()) throw new IllegalArgumentException("no SRV records");
    this.records = List.copyOf(records);
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Places one call as {@code hagi://} does: each target in SRV order until one accepts the connection.
   *
   * @param asteriskFor the simulated Asterisk that dials one target (its host and port are the record's)
   * @throws IOException when no target accepts the connection (Asterisk sets {@code AGISTATUS=FAILURE}), or the
   *     session with the one that did breaks
   */
  public Placed call(Function<SrvRecord, SimulatedAsterisk> asteriskFor, List<CallerTurn> turns) throws IOException {
    List<SrvRecord> unreachable = new ArrayList<>();
    ConnectException last = null;
    for (SrvRecord target : order(records, random)) {
      try {
        return new Placed(target, asteriskFor.apply(target).call(turns), List.copyOf(unreachable));
      } catch (ConnectException e) {
        unreachable.add(target);
        last = e;
      }
    }
    IOException none = new IOException("no SRV target accepted the connection: " + unreachable);
    none.addSuppressed(last);
    throw none;
  }

  /**
   * The records in the order Asterisk 22 tries them, given in the order the DNS answer lists them. As {@code
   * process_weights} in {@code main/srv.c}: by priority (stable); when any record has a weight, each priority's
   * records are picked one at a time by drawing {@code 1..sum} of the remaining weights and taking the first record
   * whose own weight (not the running sum RFC 2782 asks for) reaches the draw, drawing again when none does. So equal
   * weights keep the answer's order, and a record listed first takes the lead whenever it is the heaviest.
   */
  static List<SrvRecord> order(List<SrvRecord> records, Random random) {
    List<SrvRecord> sorted = new ArrayList<>(records);
    sorted.sort(Comparator.comparingInt(SrvRecord::priority));
    if (sorted.stream().allMatch(r -> r.weight() == 0)) return sorted;
    List<SrvRecord> ordered = new ArrayList<>();
    int i = 0;
    while (i < sorted.size()) {
      int priority = sorted.get(i).priority();
      List<SrvRecord> same = new ArrayList<>();
      while (i < sorted.size() && sorted.get(i).priority() == priority) same.add(sorted.get(i++));
      while (!same.isEmpty()) {
        int total = same.stream().mapToInt(SrvRecord::weight).sum();
        if (total == 0) {
          ordered.addAll(same);
          break;
        }
        int draw = 1 + random.nextInt(total);
        for (int k = 0; k < same.size(); k++) {
          if (same.get(k).weight() >= draw) {
            ordered.add(same.remove(k));
            break;
          }
        }
      }
    }
    return ordered;
  }
}
