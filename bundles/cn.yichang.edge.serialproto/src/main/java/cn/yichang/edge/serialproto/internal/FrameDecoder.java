package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.profile.FramedSpec;
import cn.yichang.edge.profile.FramedSpec.ByteOrder;
import cn.yichang.edge.profile.FramedSpec.FieldType;
import cn.yichang.edge.profile.FramedSpec.FrameField;
import cn.yichang.edge.reading.PointReading;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the fields of one checked frame. A frame without the profile's {@code match} bytes (an
 * unsolicited report of another kind) is skipped; a field beyond the end of a short frame fails
 * alone with {@code short frame}.
 */
final class FrameDecoder {

  private final FramedSpec spec;

  FrameDecoder(FramedSpec spec) {
    this.spec = spec;
  }

  void decode(byte[] frame, MessageParser.Listener listener) {
    byte[] match = spec.match();
    int at = spec.matchAt();
    if (match.length > 0
        && (frame.length < at + match.length
            || !Arrays.equals(frame, at, at + match.length, match, 0, match.length))) {
      return;
    }
    List<PointReading> out = new ArrayList<>(spec.fields().size());
    for (FrameField f : spec.fields()) {
      out.add(
          f.at() + f.length() > frame.length - spec.tailLength()
              ? PointReading.failed(f.name(), f.unit(), "short frame")
              : value(f, frame));
    }
    listener.message(out);
  }

  static PointReading value(FrameField f, byte[] frame) {
    FieldType t = f.type();
    if (t == FieldType.STRING) {
      int end = f.at() + f.length();
      while (end > f.at() && (frame[end - 1] == 0 || frame[end - 1] == ' ')) {
        end--;
      }
      String s = new String(frame, f.at(), end - f.at(), StandardCharsets.ISO_8859_1);
      return PointReading.of(f.name(), s, f.unit(), false);
    }
    if (t == FieldType.BOOL) {
      int b = frame[f.at()] & 0xFF;
      boolean v = f.bit() < 0 ? b != 0 : ((b >>> f.bit()) & 1) != 0;
      return PointReading.of(f.name(), v, f.unit(), false);
    }
    long raw = raw(f, frame);
    if (f.bit() >= 0) {
      long mask = f.bits() >= 64 ? -1L : (1L << f.bits()) - 1;
      return Values.integer(
          f.name(), f.unit(), (raw >>> f.bit()) & mask, f.scale(), f.offset(), f.min(), f.max());
    }
    return switch (t) {
      case FLOAT32 ->
          Values.decimal(
              f.name(),
              f.unit(),
              Float.intBitsToFloat((int) raw),
              f.scale(),
              f.offset(),
              f.min(),
              f.max());
      case FLOAT64 ->
          Values.decimal(
              f.name(),
              f.unit(),
              Double.longBitsToDouble(raw),
              f.scale(),
              f.offset(),
              f.min(),
              f.max());
      case INT8 -> integer(f, (byte) raw);
      case INT16 -> integer(f, (short) raw);
      case INT32 -> integer(f, (int) raw);
      default -> integer(f, raw);
    };
  }

  private static PointReading integer(FrameField f, long v) {
    return Values.integer(f.name(), f.unit(), v, f.scale(), f.offset(), f.min(), f.max());
  }

  /** The field's bytes as an unsigned integer, whatever their order on the wire. */
  static long raw(FrameField f, byte[] frame) {
    int size = f.type().size();
    long v = 0;
    for (int i = 0; i < size; i++) {
      int index = f.order() == ByteOrder.BIG ? f.at() + i : f.at() + size - 1 - i;
      v = (v << 8) | (frame[index] & 0xFF);
    }
    return v;
  }
}
