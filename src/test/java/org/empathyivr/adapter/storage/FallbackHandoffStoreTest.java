package org.empathyivr.adapter.storage;

import static org.empathyivr.adapter.storage.HandoffTestData.MORNING;
import static org.empathyivr.adapter.storage.HandoffTestData.handoff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.empathyivr.domain.port.HandoffStore.StoreFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FallbackHandoffStoreTest {
  @TempDir Path dir;

  @Test
  void keepsHandoffsWhileTheDatabaseIsDownAndStoresThemWhenItReturns() throws Exception {
    SwitchableArchive database = new SwitchableArchive(HandoffArchives.forUrl("jdbc:sqlite:" + dir.resolve("h.db"), List.of()));
    AtomicInteger drained = new AtomicInteger();
    Path pending = dir.resolve("pending").resolve("handoffs.jsonl");
    try (FallbackHandoffStore store = new FallbackHandoffStore(database, pending, Duration.ofHours(1), drained::incrementAndGet)) {
      store.check();
      store.save(handoff("H-1", "my internet is down"));

      database.down = true;
      store.save(handoff("H-2", MORNING.plusSeconds(60), "my phone is dead"));
      store.save(handoff("H-3", MORNING.plusSeconds(120), "my bill is wrong"));

      assertEquals(2, store.pending());
      assertTrue(Files.readString(pending).contains("\"H-2\""), "on disk before save returned");
      assertEquals(List.of("H-3", "H-2"), ids(store.newest(2)), "the agent page still sees them");
      assertTrue(store.find("H-2").isPresent());

      database.down = false;
      store.save(handoff("H-4", MORNING.plusSeconds(180), "my email stopped"));

      assertEquals(0, store.pending());
      assertFalse(Files.exists(pending));
      assertEquals(1, drained.get());
      assertEquals(List.of("H-4", "H-3", "H-2", "H-1"), ids(database.inner.newest(10)));
      assertEquals(Optional.of(HandoffJson.write(handoff("H-2", MORNING.plusSeconds(60), "my phone is dead"))),
          database.inner.find("H-2"), "stored exactly as it would have been");
    }
  }

  @Test
  void theBackgroundRetryStoresKeptHandoffsWithoutAnotherCall() throws Exception {
    SwitchableArchive database = new SwitchableArchive(HandoffArchives.forUrl("jsonl:" + dir.resolve("h.jsonl"), List.of()));
    AtomicInteger drained = new AtomicInteger();
    try (FallbackHandoffStore store =
        new FallbackHandoffStore(database, dir.resolve("pending.jsonl"), Duration.ofMillis(20), drained::incrementAndGet)) {
      store.check();
      database.down = true;
      store.save(handoff("H-1", "my internet is down"));
      database.down = false;

      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (drained.get() == 0 && System.nanoTime() < deadline) Thread.sleep(10);

      assertEquals(List.of("H-1"), ids(database.inner.newest(10)));
    }
  }

  @Test
  void keptHandoffsSurviveARestart() throws Exception {
    SwitchableArchive database = new SwitchableArchive(HandoffArchives.forUrl("jsonl:" + dir.resolve("h.jsonl"), List.of()));
    Path pending = dir.resolve("pending.jsonl");
    database.down = true;
    try (FallbackHandoffStore store = new FallbackHandoffStore(database, pending, Duration.ofHours(1), () -> {})) {
      store.save(handoff("H-1", "my internet is down"));
    }
    database.down = false;
    try (FallbackHandoffStore again = new FallbackHandoffStore(database, pending, Duration.ofHours(1), () -> {})) {
      again.check();
      again.save(handoff("H-2", MORNING.plusSeconds(1), "my phone is dead"));

      assertEquals(List.of("H-2", "H-1"), ids(database.inner.newest(10)));
    }
  }

  @Test
  void failsOnlyWhenTheFileRefusesTooAndMemoryIsFullAndSaysSo() throws Exception {
    SwitchableArchive database = new SwitchableArchive(HandoffArchives.forUrl("jsonl:" + dir.resolve("h.jsonl"), List.of()));
    Files.createDirectories(dir.resolve("a-directory.jsonl"));
    database.down = true;
    try (FallbackHandoffStore store =
        new FallbackHandoffStore(database, dir.resolve("a-directory.jsonl"), Duration.ofHours(1), () -> {})) {
      for (int i = 0; i < FallbackHandoffStore.MAX_IN_MEMORY; i++) {
        store.save(handoff("H-" + i, MORNING.plusSeconds(i), "my internet is down"));
      }
      assertEquals(FallbackHandoffStore.MAX_IN_MEMORY, store.pendingInMemory());

      StoreFailure e = assertThrows(StoreFailure.class, () -> store.save(handoff("H-x", "my internet is down")));
      assertTrue(e.getMessage().contains("a-directory.jsonl"), e.getMessage());
      assertTrue(e.getMessage().contains("1000 handoffs already wait in memory: this one is lost"), e.getMessage());
    }
  }

  @Test
  void whenTheFileCannotBeWrittenHandoffsWaitInMemoryAndGoToTheFileFirstWhenItCan() throws Exception {
    SwitchableArchive database = new SwitchableArchive(HandoffArchives.forUrl("jsonl:" + dir.resolve("h.jsonl"), List.of()));
    Path spool = dir.resolve("spool");
    Path pending = spool.resolve("pending.jsonl");
    AtomicInteger refusals = new AtomicInteger();
    try (FallbackHandoffStore store = new FallbackHandoffStore(database, pending, Duration.ofHours(1), () -> {})) {
      store.check();
      store.countNoSpace(refusals::incrementAndGet);
      Files.delete(spool); // the file cannot be written (as on a full disk; there the count above goes up too)
      database.down = true;
      store.save(handoff("H-1", MORNING, "my internet is down"));
      store.save(handoff("H-2", MORNING.plusSeconds(60), "my phone is dead"));

      assertEquals(2, store.pendingInMemory());
      assertEquals(List.of("H-2", "H-1"), ids(store.newest(2)), "the agent page still sees them");
      assertTrue(store.find("H-1").isPresent());
      assertEquals(0, refusals.get(), "a missing directory is no full disk");

      Files.createDirectories(spool); // room again, the database still down
      store.save(handoff("H-3", MORNING.plusSeconds(120), "my bill is wrong"));

      assertEquals(0, store.pendingInMemory());
      assertEquals(List.of("H-1", "H-2", "H-3"), ids(Files.readAllLines(pending)), "oldest first");

      database.down = false;
      store.save(handoff("H-4", MORNING.plusSeconds(180), "my email stopped"));
      assertEquals(List.of("H-4", "H-3", "H-2", "H-1"), ids(database.inner.newest(10)));
      assertEquals(0, store.pending());
    }
  }

  @Test
  void handoffsKeptInMemoryGoToTheDatabaseWhenItAnswersFirst() throws Exception {
    SwitchableArchive database = new SwitchableArchive(HandoffArchives.forUrl("jsonl:" + dir.resolve("h.jsonl"), List.of()));
    Path spool = dir.resolve("spool");
    AtomicInteger drained = new AtomicInteger();
    try (FallbackHandoffStore store =
        new FallbackHandoffStore(database, spool.resolve("pending.jsonl"), Duration.ofMillis(20), drained::incrementAndGet)) {
      store.check();
      Files.delete(spool);
      database.down = true;
      store.save(handoff("H-1", MORNING, "my internet is down"));
      database.down = false;

      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (drained.get() == 0 && System.nanoTime() < deadline) Thread.sleep(10);

      assertEquals(List.of("H-1"), ids(database.inner.newest(10)), "stored by the background retry");
      assertEquals(0, store.pendingInMemory());
    }
  }

  @Test
  void aLineCutShortByACrashIsSetAsideAndTheRestStored() throws Exception {
    SwitchableArchive database = new SwitchableArchive(HandoffArchives.forUrl("jsonl:" + dir.resolve("h.jsonl"), List.of()));
    Path pending = dir.resolve("pending.jsonl");
    Files.writeString(pending, HandoffJson.write(handoff("H-1", "my internet is down")) + "\n{\"id\":\"H-2\",\"at");
    try (FallbackHandoffStore store = new FallbackHandoffStore(database, pending, Duration.ofHours(1), () -> {})) {
      store.check();
      store.save(handoff("H-3", MORNING.plusSeconds(1), "my phone is dead"));

      assertEquals(List.of("H-3", "H-1"), ids(database.inner.newest(10)));
      assertEquals("{\"id\":\"H-2\",\"at\n", Files.readString(dir.resolve("pending.jsonl.unreadable")));
    }
  }

  private static List<String> ids(List<String> records) {
    return records.stream().map(r -> r.replaceFirst("^\\{\"id\":\"([^\"]+)\".*", "$1")).toList();
  }

  /** A real store in front of which the test can pull the plug. */
  private static final class SwitchableArchive implements HandoffArchive {
    final HandoffArchive inner;
    volatile boolean down;

    SwitchableArchive(HandoffArchive inner) {
      this.inner = inner;
    }

    private void up() throws StoreFailure {
      if (down) throw new StoreFailure("connection refused (the test pulled the plug)", null);
    }

    @Override public void check() throws StoreFailure { up(); inner.check(); }
    @Override public void save(org.empathyivr.domain.summary.Handoff h) throws StoreFailure { up(); inner.check(); inner.save(h); }
    @Override public void saveRecord(String json) throws StoreFailure { up(); inner.check(); inner.saveRecord(json); }
    @Override public List<String> newest(int limit) throws StoreFailure { up(); return inner.newest(limit); }
    @Override public Optional<String> find(String id) throws StoreFailure { up(); return inner.find(id); }
    @Override public void close() { inner.close(); }
  }
}
