package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.store.StoredMessage;

/**
 * Kura's wire format of a buffered message: the stored, uncompressed KuraPayload with the metric
 * {@code edge.seq} (INT64, the store's sequence number) appended, gzip-compressed when shorter.
 */
final class KuraWireFormat implements WireFormat {

  static final String SEQ_METRIC = "edge.seq";

  @Override
  public byte[] encode(StoredMessage message) {
    byte[] stamped =
        KuraPayloadCodec.appendMetric(message.payload(), new KuraMetric(SEQ_METRIC, message.seq()));
    return KuraPayloadCodec.compressIfShorter(stamped);
  }
}
