package org.empathyivr.adapter.fastagi;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator that the spool's disk is full: one ERROR line per cause (prompt audio, recordings, whispers) when
 * it first fails, one INFO line when that cause is written again, and a count of every failure for {@code /metrics}
 * (error kind {@value #ERROR_KIND}). A full disk fails every call until someone frees space: the log says so once per
 * cause, not once a call. Thread-safe.
 */
final class SpoolAlarm {
  private static final Logger log = LoggerFactory.getLogger(SpoolAlarm.class);
  /** The error kind in {@code empathyivr_errors_total}. */
  static final String ERROR_KIND = "spool-full";
  /** How the call failures a full spool causes begin. */
  static final String FAILURE_PREFIX = "the spool's disk is full: ";

  private final Path spoolDir;
  private final Set<String> failing = ConcurrentHashMap.newKeySet();

  SpoolAlarm(Path spoolDir) {
    this.spoolDir = spoolDir;
  }

  /**
   * {@code what} could not be written for lack of space.
   *
   * @param consequence what the call does instead, for the log line
   */
  void noSpace(String what, String consequence, CallObserver observer) {
    observer.error(ERROR_KIND);
    if (failing.add(what)) {
      log.error("spool {} is full: no space left for {}; {}. Logged once until {} can be written again; free space"
          + " on that disk", spoolDir, what, consequence, what);
    }
  }

  /** {@code what} was written: the disk has room for it again. */
  void wrote(String what) {
    if (!failing.isEmpty() && failing.remove(what)) log.info("spool {} has room again: {} written", spoolDir, what);
  }

  /**
   * Whether a call's problem is the full spool, which {@link #noSpace} has told the operator of already: the call's
   * own log line then needs no stack trace, and no ERROR level.
   */
  static boolean isSpoolFull(Exception problem) {
    return String.valueOf(problem.getMessage()).startsWith(FAILURE_PREFIX) || SpoolRoom.isNoSpace(problem);
  }

  /** Whether writing {@code what} failed for lack of space and has not succeeded since. */
  boolean isFailing(String what) {
    return failing.contains(what);
  }
}
