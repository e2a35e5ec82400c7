package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.store.StoredMessage;

/** What a stored message becomes on the wire (for Kura: {@code edge.seq} appended, then gzip). */
@FunctionalInterface
interface WireFormat {

  byte[] encode(StoredMessage message);
}
