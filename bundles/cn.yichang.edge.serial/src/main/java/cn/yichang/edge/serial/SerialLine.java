package cn.yichang.edge.serial;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/** An open serial line: a byte pipe with timed reads. Used by one thread at a time. */
@ProviderType
public interface SerialLine extends AutoCloseable {

  LineSettings settings();

  /** Queues the bytes for sending; may return before they have crossed the wire. */
  void write(byte[] data) throws IOException;

  /**
   * Reads at least one byte, at most {@code len}, waiting up to {@code timeoutNanos}.
   *
   * @return the number of bytes read, 0 when the time ran out
   */
  int read(byte[] buffer, int offset, int len, long timeoutNanos) throws IOException;

  /** Drops whatever has been received and not read, e.g. after a garbled frame. */
  void discardInput() throws IOException;

  @Override
  void close();
}
