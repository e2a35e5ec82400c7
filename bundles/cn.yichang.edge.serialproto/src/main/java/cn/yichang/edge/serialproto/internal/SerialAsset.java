package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.bus.Bus;
import cn.yichang.edge.profile.AsciiLineSpec;
import cn.yichang.edge.profile.FramedSpec;
import cn.yichang.edge.reading.Asset;
import cn.yichang.edge.reading.ReadingSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An ascii-line or framed device as remote management sees it. A polled device is read now with one
 * poll through its bus ({@link Bus#exchange}); a streaming device answers the values of the latest
 * messages (it talks all the time; a value older than the profile's timeout is reported as {@code
 * timeout}). Nothing of these devices is writable.
 */
final class SerialAsset implements Asset {

  private final String id;
  private final List<Channel> channels;
  private final Bus bus;
  private final PolledSerialDevice polled;
  private final StreamingSerialDevice streaming;

  /**
   * @param polled the device when its bus polls it, else null
   * @param streaming the device when it streams, else null
   */
  SerialAsset(
      String id,
      List<Channel> channels,
      Bus bus,
      PolledSerialDevice polled,
      StreamingSerialDevice streaming) {
    this.id = id;
    this.channels = List.copyOf(channels);
    this.bus = bus;
    this.polled = polled;
    this.streaming = streaming;
  }

  static List<Channel> channels(AsciiLineSpec spec) {
    List<Channel> out = new ArrayList<>();
    for (AsciiLineSpec.LineKind kind : spec.lines()) {
      for (AsciiLineSpec.LineField f : kind.fields()) {
        ValueType type =
            switch (f.type()) {
              case STRING -> ValueType.STRING;
              case BOOL -> ValueType.BOOLEAN;
              case INT64 -> scaled(f.scale(), f.offset()) ? ValueType.DOUBLE : ValueType.LONG;
              case FLOAT64, DEGREES_MINUTES -> ValueType.DOUBLE;
            };
        out.add(new Channel(f.name(), type, false, null, null));
      }
    }
    return out;
  }

  static List<Channel> channels(FramedSpec spec) {
    List<Channel> out = new ArrayList<>();
    for (FramedSpec.FrameField f : spec.fields()) {
      ValueType type =
          switch (f.type()) {
            case STRING -> ValueType.STRING;
            case BOOL -> ValueType.BOOLEAN;
            case FLOAT32, FLOAT64 -> ValueType.DOUBLE;
            case INT8, UINT8, INT16, UINT16, INT32 ->
                scaled(f.scale(), f.offset()) ? ValueType.DOUBLE : ValueType.INTEGER;
            case UINT32, INT64 -> scaled(f.scale(), f.offset()) ? ValueType.DOUBLE : ValueType.LONG;
          };
      out.add(new Channel(f.name(), type, false, null, null));
    }
    return out;
  }

  private static boolean scaled(double scale, double offset) {
    return scale != 1.0 || offset != 0.0;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Channel> channels() {
    return channels;
  }

  @Override
  public CompletableFuture<ReadingSet> readNow() {
    if (polled != null) {
      return bus.exchange(id, t -> polled.read(t).set());
    }
    return CompletableFuture.completedFuture(streaming.current());
  }

  @Override
  public void checkWrite(String channel, Object value) {
    if (channels.stream().noneMatch(c -> c.name().equals(channel))) {
      throw new IllegalArgumentException("unknown channel " + channel + " of " + id);
    }
    throw new IllegalArgumentException(
        channel + " of " + id + " is not writable (ascii-line and framed devices are read-only)");
  }

  @Override
  public CompletableFuture<Void> write(String channel, Object value) {
    checkWrite(channel, value);
    throw new AssertionError("unreachable");
  }
}
