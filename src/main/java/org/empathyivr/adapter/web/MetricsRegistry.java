package org.empathyivr.adapter.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters, gauges and histograms, rendered in the Prometheus text exposition format (version 0.0.4), without a
 * client library. Metrics are registered once at startup; updating them is lock-free and thread-safe.
 */
public final class MetricsRegistry {
  private final List<Metric> metrics = new ArrayList<>();

  /** A counter, optionally with one label ({@code reason}, {@code kind}). */
  public synchronized Counter counter(String name, String help, String label) {
    Counter c = new Counter(name, help, label);
    metrics.add(c);
    return c;
  }

  public synchronized Gauge gauge(String name, String help) {
    Gauge g = new Gauge(name, help);
    metrics.add(g);
    return g;
  }

  /** A histogram of seconds with these upper bounds (ascending; +Inf is added). */
  public synchronized Histogram histogram(String name, String help, double... bounds) {
    Histogram h = new Histogram(name, help, bounds);
    metrics.add(h);
    return h;
  }

  /** Every metric as Prometheus text. */
  public synchronized String render() {
    StringBuilder out = new StringBuilder();
    for (Metric m : metrics) {
      out.append("# HELP ").append(m.name).append(' ').append(m.help.replace("\\", "\\\\").replace("\n", "\\n"))
          .append('\n');
      out.append("# TYPE ").append(m.name).append(' ').append(m.type()).append('\n');
      m.render(out);
    }
    return out.toString();
  }

  private abstract static sealed class Metric permits Counter, Gauge, Histogram {
    final String name;
    final String help;

    Metric(String name, String help) {
      if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) throw new IllegalArgumentException("bad metric name: " + name);
      this.name = name;
      this.help = help;
    }

    abstract String type();

    abstract void render(StringBuilder out);
  }

  /** Counts up. With a label, each value of the label is its own series. */
  public static final class Counter extends Metric {
    private final String label;
    private final Map<String, LongAdder> series = new ConcurrentHashMap<>();

    private Counter(String name, String help, String label) {
      super(name, help);
      this.label = label;
      if (label == null) series.put("", new LongAdder());
    }

    public void inc() {
      if (label != null) throw new IllegalStateException(name + " needs a " + label);
      series.get("").increment();
    }

    public void inc(String labelValue) {
      if (label == null) throw new IllegalStateException(name + " has no label");
      series.computeIfAbsent(labelValue, v -> new LongAdder()).increment();
    }

    public long value(String labelValue) {
      LongAdder a = series.get(label == null ? "" : labelValue);
      return a == null ? 0 : a.sum();
    }

    @Override
    String type() {
      return "counter";
    }

    @Override
    void render(StringBuilder out) {
      for (Map.Entry<String, LongAdder> e : new TreeMap<>(series).entrySet()) {
        out.append(name);
        if (label != null) out.append('{').append(label).append("=\"").append(escape(e.getKey())).append("\"}");
        out.append(' ').append(e.getValue().sum()).append('\n');
      }
    }
  }

  /** Goes up and down: calls in progress. */
  public static final class Gauge extends Metric {
    private final AtomicLong value = new AtomicLong();

    private Gauge(String name, String help) {
      super(name, help);
    }

    public void inc() {
      value.incrementAndGet();
    }

    public void dec() {
      value.decrementAndGet();
    }

    public long value() {
      return value.get();
    }

    @Override
    String type() {
      return "gauge";
    }

    @Override
    void render(StringBuilder out) {
      out.append(name).append(' ').append(value.get()).append('\n');
    }
  }

  /** Observations in seconds, counted into cumulative buckets. */
  public static final class Histogram extends Metric {
    private final double[] bounds;
    private final LongAdder[] buckets;
    private final LongAdder count = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    private Histogram(String name, String help, double[] bounds) {
      super(name, help);
      for (int i = 1; i < bounds.length; i++) {
        if (bounds[i] <= bounds[i - 1]) throw new IllegalArgumentException("bounds not ascending: " + Arrays.toString(bounds));
      }
      this.bounds = bounds.clone();
      this.buckets = new LongAdder[bounds.length];
      for (int i = 0; i < bounds.length; i++) buckets[i] = new LongAdder();
    }

    public void observe(double seconds) {
      for (int i = 0; i < bounds.length; i++) {
        if (seconds <= bounds[i]) {
          buckets[i].increment();
          break;
        }
      }
      count.increment();
      sum.add(seconds);
    }

    public long count() {
      return count.sum();
    }

    @Override
    String type() {
      return "histogram";
    }

    @Override
    void render(StringBuilder out) {
      long cumulative = 0;
      for (int i = 0; i < bounds.length; i++) {
        cumulative += buckets[i].sum();
        out.append(name).append("_bucket{le=\"").append(format(bounds[i])).append("\"} ").append(cumulative).append('\n');
      }
      long total = count.sum();
      out.append(name).append("_bucket{le=\"+Inf\"} ").append(total).append('\n');
      out.append(name).append("_sum ").append(format(sum.sum())).append('\n');
      out.append(name).append("_count ").append(total).append('\n');
    }
  }

  private static String format(double v) {
    String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
    return s.endsWith(".") ? s + "0" : s;
  }

  private static String escape(String labelValue) {
    return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
