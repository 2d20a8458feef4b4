package org.empathyivr.eval;

import java.util.List;
import java.util.Random;

/**
 * Binary logistic regression over sparse real-valued features, fitted by AdaGrad stochastic gradient descent with an
 * L2 penalty. Deterministic for a given seed. For offline training only: the product reads the fitted weights.
 */
public final class LogisticRegression {
  /** One training row: feature indices with values, the label, and how much the row counts. */
  public record Row(int[] indices, double[] values, boolean positive, double weight, double offset) {}

  private final double l2;
  private final int epochs;
  private final double learningRate;
  private final boolean fitBias;

  public LogisticRegression(double l2, int epochs, double learningRate, boolean fitBias) {
    if (l2 < 0) throw new IllegalArgumentException("l2 < 0: " + l2);
    if (epochs <= 0) throw new IllegalArgumentException("epochs <= 0: " + epochs);
    this.l2 = l2;
    this.epochs = epochs;
    this.learningRate = learningRate;
    this.fitBias = fitBias;
  }

  /** The fitted weights; index {@code featureCount} holds the bias. */
  public double[] fit(List<Row> rows, int featureCount, long seed) {
    double[] free = new double[featureCount];
    java.util.Arrays.fill(free, Double.NEGATIVE_INFINITY);
    return fit(rows, featureCount, seed, free);
  }

  /**
   * The fitted weights, each kept at or above its {@code floor} (projected after each step; negative infinity for a
   * free weight): for signs known to point one way, which the training data must not turn round.
   */
  public double[] fit(List<Row> rows, int featureCount, long seed, double[] floor) {
    double[] free = new double[featureCount];
    java.util.Arrays.fill(free, Double.POSITIVE_INFINITY);
    return fit(rows, featureCount, seed, floor, free);
  }

  /**
   * The fitted weights, each kept between its {@code floor} and its {@code ceiling} (projected after each step;
   * infinite for a free side): for signs known to point one way, which the training data must not turn round.
   */
  public double[] fit(List<Row> rows, int featureCount, long seed, double[] floor, double[] ceiling) {
    if (floor.length != featureCount) throw new IllegalArgumentException("floor.length != featureCount: " + floor.length);
    if (ceiling.length != featureCount) {
      throw new IllegalArgumentException("ceiling.length != featureCount: " + ceiling.length);
    }
    for (int f = 0; f < featureCount; f++) {
      if (floor[f] > ceiling[f]) throw new IllegalArgumentException("floor > ceiling at " + f);
    }
    double[] w = new double[featureCount + 1];
    double[] squares = new double[featureCount + 1];
    int[] order = new int[rows.size()];
    for (int f = 0; f < featureCount; f++) w[f] = Math.min(ceiling[f], Math.max(0, floor[f]));
    for (int i = 0; i < order.length; i++) order[i] = i;
    Random random = new Random(seed);
    double totalWeight = rows.stream().mapToDouble(Row::weight).sum();
    double l2PerRow = l2 / Math.max(1.0, totalWeight);
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int index : order) {
        Row row = rows.get(index);
        double error = (probability(w, row, featureCount) - (row.positive() ? 1 : 0)) * row.weight();
        for (int k = 0; k < row.indices().length; k++) {
          int f = row.indices()[k];
          double g = error * row.values()[k] + l2PerRow * row.weight() * w[f];
          squares[f] += g * g;
          w[f] -= learningRate * g / Math.sqrt(squares[f] + 1e-8);
          if (w[f] < floor[f]) w[f] = floor[f];
          if (w[f] > ceiling[f]) w[f] = ceiling[f];
        }
        if (fitBias) {
          squares[featureCount] += error * error;
          w[featureCount] -= learningRate * error / Math.sqrt(squares[featureCount] + 1e-8);
        }
      }
    }
    return w;
  }

  public static double logit(double[] w, Row row, int featureCount) {
    double sum = w[featureCount] + row.offset();
    for (int k = 0; k < row.indices().length; k++) sum += w[row.indices()[k]] * row.values()[k];
    return sum;
  }

  public static double probability(double[] w, Row row, int featureCount) {
    return 1.0 / (1.0 + Math.exp(-logit(w, row, featureCount)));
  }
}
