package org.empathyivr.adapter.fastagi;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.empathyivr.adapter.audio.GrowingWavFile;
import org.empathyivr.domain.port.Audio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a recording while Asterisk writes it, passing the audio on as the file grows, on a thread of its own: the
 * call's thread is blocked in {@code RECORD FILE} meanwhile. {@link #finish()}, once Asterisk has replied, stops the
 * thread and passes on the rest of the final file from the caller's thread, so every piece is passed on, in order,
 * before {@link #finish()} returns.
 *
 * <p>The file is looked at every {@value #POLL_MS} ms, a telephone frame. Before it exists, or while it holds less
 * than its header, there is nothing to pass on (see {@link GrowingWavFile} for what Asterisk writes when).
 */
final class RecordingFollower implements AutoCloseable {
  static final long POLL_MS = 20;

  private static final Logger log = LoggerFactory.getLogger(RecordingFollower.class);

  private final GrowingWavFile file;
  private final Path path;
  private final Consumer<Audio> asRecorded;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final Thread thread;
  // Written by the follower thread, read by the caller's thread after joining it.
  private RuntimeException passOnFailure;
  private IOException readFailure;

  private RecordingFollower(Path path, Consumer<Audio> asRecorded) {
    this.path = path;
    this.file = new GrowingWavFile(path);
    this.asRecorded = asRecorded;
    this.thread = new Thread(this::follow, "recording " + path.getFileName());
    this.thread.setDaemon(true);
  }

  static RecordingFollower start(Path wav, Consumer<Audio> asRecorded) {
    RecordingFollower follower = new RecordingFollower(wav, asRecorded);
    follower.thread.start();
    return follower;
  }

  private void follow() {
    try {
      while (!stop.await(POLL_MS, TimeUnit.MILLISECONDS)) {
        Optional<Audio> added = file.readNew();
        if (added.isPresent()) asRecorded.accept(added.get());
      }
    } catch (IOException e) {
      readFailure = e;
    } catch (RuntimeException e) {
      passOnFailure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // only close() stops us, and not by interrupting
    }
  }

  /**
   * Stops following, passes on the rest of the closed file, and returns the whole recording; empty when Asterisk
   * never wrote the file.
   *
   * @throws IOException when the closed file cannot be read
   * @throws IllegalStateException when passing the audio on failed, with that failure as the cause
   */
  Optional<Audio> finish() throws IOException {
    stopFollowing();
    if (passOnFailure != null) {
      throw new IllegalStateException("passing on the recording " + path + " failed", passOnFailure);
    }
    GrowingWavFile.Finished finished;
    try {
      finished = file.finish();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (readFailure != null) {
      log.warn("Could not follow the recording {} as it grew ({}); transcribed it after it ended instead", path,
          readFailure.toString());
    }
    if (!finished.rest().isEmpty()) asRecorded.accept(finished.rest());
    return Optional.of(finished.whole());
  }

  private void stopFollowing() {
    stop.countDown();
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  /** Stops following without passing anything more on. Idempotent. */
  @Override
  public void close() {
    stopFollowing();
  }
}
