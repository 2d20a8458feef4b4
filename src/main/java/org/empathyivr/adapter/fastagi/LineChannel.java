package org.empathyivr.adapter.fastagi;

import java.io.IOException;
import org.empathyivr.domain.port.CallChannel;

/** A call's channel that holds files or connections of the call until it is closed. */
interface LineChannel extends CallChannel, AutoCloseable {
  /** Ends what the call holds: its streamed session, its spool files. */
  @Override
  void close() throws IOException;
}
