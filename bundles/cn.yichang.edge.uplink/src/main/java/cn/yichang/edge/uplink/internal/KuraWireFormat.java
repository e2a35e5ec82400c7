package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.kura.InvalidKuraPayloadException;
import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.store.StoredMessage;
import java.util.List;

/**
 * Kura's wire format of a buffered message: the stored, uncompressed KuraPayload with the metric
 * {@code edge.seq} (INT64, the store's sequence number) appended, gzip-compressed when shorter.
 */
final class KuraWireFormat implements WireFormat {

  static final String SEQ_METRIC = "edge.seq";

  /** The most {@code edge.seq} can add: a negative INT64 takes ten bytes. */
  private static final int SEQ_ROOM =
      KuraPayloadCodec.metricFieldSize(new KuraMetric(SEQ_METRIC, Long.MIN_VALUE));

  @Override
  public byte[] encode(StoredMessage message) {
    byte[] stamped =
        KuraPayloadCodec.appendMetric(message.payload(), new KuraMetric(SEQ_METRIC, message.seq()));
    return KuraPayloadCodec.compressIfShorter(stamped);
  }

  /** Sized uncompressed: gzip is used only when shorter, so a part never grows on the wire. */
  @Override
  public List<byte[]> split(StoredMessage message, int maxWireBytes) {
    int room = maxWireBytes - SEQ_ROOM;
    if (room <= 0) {
      return List.of();
    }
    try {
      List<byte[]> parts = KuraPayloadCodec.split(message.payload(), room);
      return parts.size() < 2 ? List.of() : parts;
    } catch (InvalidKuraPayloadException e) {
      return List.of(); // not ours to cut: set aside as it is
    }
  }
}
