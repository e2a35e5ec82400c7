package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.store.StoredMessage;
import java.util.List;

/** What a stored message becomes on the wire (for Kura: {@code edge.seq} appended, then gzip). */
interface WireFormat {

  byte[] encode(StoredMessage message);

  /**
   * Cuts a message whose encoding is larger than {@code maxWireBytes} into stored payloads that
   * each encode to at most that, whatever sequence number they get.
   *
   * @return the payloads in order (two or more), or empty when the message cannot be cut so
   */
  List<byte[]> split(StoredMessage message, int maxWireBytes);
}
