package org.empathyivr.simulate;

import java.io.PrintStream;

/** PLACEHOLDER (replaced on branch sim): the {@code simulate} command line. */
public final class SimulateCommand {
  private SimulateCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    throw new UnsupportedOperationException("placeholder");
  }
}
