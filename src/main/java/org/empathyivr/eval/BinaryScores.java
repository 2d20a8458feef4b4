package org.empathyivr.eval;

/** Counts of a yes/no detector against labels, with precision, recall and F1. */
public final class BinaryScores {
  private int truePositives;
  private int falsePositives;
  private int falseNegatives;
  private int trueNegatives;

  public void add(boolean predicted, boolean actual) {
    if (predicted && actual) truePositives++;
    else if (predicted) falsePositives++;
    else if (actual) falseNegatives++;
    else trueNegatives++;
  }

  public int count() {
    return truePositives + falsePositives + falseNegatives + trueNegatives;
  }

  public double precision() {
    int predicted = truePositives + falsePositives;
    return predicted == 0 ? 0.0 : (double) truePositives / predicted;
  }

  public double recall() {
    int actual = truePositives + falseNegatives;
    return actual == 0 ? 0.0 : (double) truePositives / actual;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }

  /** The summary line: {@code precision 0.812 recall 0.790 f1 0.801 n 779}. */
  public String line() {
    return String.format(java.util.Locale.ROOT, "precision %.3f recall %.3f f1 %.3f n %d", precision(), recall(), f1(),
        count());
  }

  public String confusion() {
    return "tp " + truePositives + " fp " + falsePositives + " fn " + falseNegatives + " tn " + trueNegatives;
  }
}
