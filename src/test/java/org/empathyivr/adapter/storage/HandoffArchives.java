package org.empathyivr.adapter.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** Opens the store a {@code handoff.store-url} names, as the composition root does, for tests of any store. */
public final class HandoffArchives {
  private HandoffArchives() {}

  /** {@code jsonl:/path} for a JSON-lines file, any other {@code jdbc:} URL for a database; nothing is opened yet. */
  public static HandoffArchive forUrl(String url, List<URI> webhooks) {
    if (url.startsWith(JsonLinesHandoffStore.SCHEME)) {
      if (!webhooks.isEmpty()) throw new IllegalArgumentException("webhooks need a jdbc: store, not " + url);
      return new JsonLinesHandoffStore(Path.of(url.substring(JsonLinesHandoffStore.SCHEME.length())));
    }
    if (url.startsWith("jdbc:")) return new JdbcHandoffStore(url, webhooks);
    throw new IllegalArgumentException("not a jsonl: or jdbc: URL: " + url);
  }
}
