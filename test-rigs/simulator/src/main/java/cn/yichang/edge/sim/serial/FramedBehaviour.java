package cn.yichang.edge.sim.serial;

import cn.yichang.edge.profile.FramedSpec;
import cn.yichang.edge.profile.FramedSpec.ByteOrder;
import cn.yichang.edge.profile.FramedSpec.FieldType;
import cn.yichang.edge.profile.FramedSpec.FrameField;
import cn.yichang.edge.sim.profile.ValueModel;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Any {@code framed} profile: answers its request (or streams) with a frame built from the
 * profile's layout: header, the match bytes, the fields' values, length field, checksum, trailer.
 */
final class FramedBehaviour implements Behaviour {

  private final FramedSpec spec;
  private final Map<String, ValueModel> models = new LinkedHashMap<>();
  private Map<String, Object> expected = Map.of();

  FramedBehaviour(FramedSpec spec, long seed) {
    this.spec = spec;
    long s = seed;
    for (FrameField f : spec.fields()) {
      if (f.type() != FieldType.STRING) {
        models.put(
            f.name(), FieldModel.of(f.name(), f.type() == FieldType.BOOL, f.min(), f.max(), s++));
      }
    }
  }

  @Override
  public boolean streams() {
    return spec.request() == null;
  }

  @Override
  public synchronized byte[] burst() {
    return frame();
  }

  @Override
  public synchronized int request(byte[] received, int length, byte[][] answer) {
    byte[] q = spec.request();
    for (int i = 0; i + q.length <= length; i++) {
      if (java.util.Arrays.equals(received, i, i + q.length, q, 0, q.length)) {
        answer[0] = frame();
        return i + q.length;
      }
    }
    return length > 4 * q.length ? length - q.length + 1 : 0;
  }

  @Override
  public synchronized void advance(double seconds) {
    models.values().forEach(m -> m.advance(seconds));
  }

  @Override
  public synchronized Map<String, Object> expected() {
    return expected;
  }

  private byte[] frame() {
    int end = spec.matchAt() + spec.match().length;
    if (spec.length() != null) {
      end = Math.max(end, spec.length().at() + spec.length().size());
    }
    for (FrameField f : spec.fields()) {
      end = Math.max(end, f.at() + f.length());
    }
    int total = spec.length() == null ? spec.fixedLength() : end + spec.tailLength();
    byte[] frame = new byte[total];
    System.arraycopy(spec.header(), 0, frame, 0, spec.header().length);
    System.arraycopy(spec.match(), 0, frame, spec.matchAt(), spec.match().length);
    Map<String, Object> values = new LinkedHashMap<>();
    for (FrameField f : spec.fields()) {
      values.put(f.name(), encode(f, frame));
    }
    if (spec.length() != null) {
      FramedSpec.LengthField lf = spec.length();
      int afterField = lf.at() + lf.size();
      int value =
          switch (lf.counts()) {
            case FRAME -> total;
            case REST -> total - afterField;
            case DATA -> total - afterField - spec.tailLength();
          };
      put(frame, lf.at(), lf.size(), lf.order(), value);
    }
    int at = total - spec.tailLength();
    if (spec.checksum() != null) {
      byte[] sum = spec.checksum().compute(frame, spec.checksumFrom(), at);
      System.arraycopy(sum, 0, frame, at, sum.length);
    }
    System.arraycopy(
        spec.trailer(), 0, frame, total - spec.trailer().length, spec.trailer().length);
    expected = Map.copyOf(values);
    return frame;
  }

  /** Writes the field's current value into the frame; returns it as the gateway must read it. */
  private Object encode(FrameField f, byte[] frame) {
    if (f.type() == FieldType.STRING) {
      byte[] text = "SIM".getBytes(StandardCharsets.ISO_8859_1);
      System.arraycopy(text, 0, frame, f.at(), Math.min(text.length, f.length()));
      return new String(text, 0, Math.min(text.length, f.length()), StandardCharsets.ISO_8859_1);
    }
    double v = models.get(f.name()).value();
    if (f.type() == FieldType.BOOL) {
      boolean on = v != 0;
      if (on) {
        frame[f.at()] |= (byte) (f.bit() < 0 ? 1 : 1 << f.bit());
      }
      return on;
    }
    if (f.type() == FieldType.FLOAT32 || f.type() == FieldType.FLOAT64) {
      double raw = (v - f.offset()) / f.scale();
      long bits =
          f.type() == FieldType.FLOAT32
              ? Float.floatToIntBits((float) raw) & 0xFFFFFFFFL
              : Double.doubleToLongBits(raw);
      put(frame, f.at(), f.type().size(), f.order(), bits);
      double read = f.type() == FieldType.FLOAT32 ? (float) raw : raw;
      return read * f.scale() + f.offset();
    }
    long raw = Math.round((v - f.offset()) / f.scale());
    if (f.bit() >= 0) {
      long mask = (1L << f.bits()) - 1;
      raw = Math.max(0, Math.min(mask, raw));
      long word = get(frame, f.at(), f.type().size(), f.order()) | (raw << f.bit());
      put(frame, f.at(), f.type().size(), f.order(), word);
    } else {
      long[] range = range(f.type());
      raw = Math.max(range[0], Math.min(range[1], raw));
      put(frame, f.at(), f.type().size(), f.order(), raw);
    }
    if (f.scale() == 1.0 && f.offset() == 0.0) {
      return raw;
    }
    return BigDecimal.valueOf(raw)
        .multiply(BigDecimal.valueOf(f.scale()))
        .add(BigDecimal.valueOf(f.offset()))
        .doubleValue();
  }

  private static long[] range(FieldType t) {
    return switch (t) {
      case INT8 -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
      case UINT8 -> new long[] {0, 0xFF};
      case INT16 -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
      case UINT16 -> new long[] {0, 0xFFFF};
      case INT32 -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
      case UINT32 -> new long[] {0, 0xFFFFFFFFL};
      default -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
    };
  }

  private static void put(byte[] frame, int at, int size, ByteOrder order, long value) {
    for (int i = 0; i < size; i++) {
      int shift = 8 * (size - 1 - i);
      int index = order == ByteOrder.BIG ? at + i : at + size - 1 - i;
      frame[index] = (byte) (value >>> shift);
    }
  }

  private static long get(byte[] frame, int at, int size, ByteOrder order) {
    long v = 0;
    for (int i = 0; i < size; i++) {
      int index = order == ByteOrder.BIG ? at + i : at + size - 1 - i;
      v = (v << 8) | (frame[index] & 0xFF);
    }
    return v;
  }
}
