package cn.yichang.edge.modbus.internal;

import cn.yichang.edge.bus.Bus;
import cn.yichang.edge.modbus.WriteRequest;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.reading.Asset;
import cn.yichang.edge.reading.ReadingSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A Modbus device as remote management reads and writes it: both go through the device's bus as
 * on-demand exchanges ({@link Bus#exchange}), so the bus's silence and fairness hold.
 */
public final class ModbusAsset implements Asset {

  private final Bus bus;
  private final ModbusDevicePoller poller;
  private final List<Channel> channels;

  public ModbusAsset(Bus bus, ModbusDevicePoller poller) {
    this.bus = bus;
    this.poller = poller;
    this.channels = poller.profile().points().stream().map(ModbusAsset::channel).toList();
  }

  static Channel channel(Point point) {
    return new Channel(point.name(), type(point), point.writable(), point.min(), point.max());
  }

  /** The type of the values {@link ValueDecoder} makes of the point, named as Kura names it. */
  static ValueType type(Point point) {
    if (point.type() == PointType.BOOL) {
      return ValueType.BOOLEAN;
    }
    if (point.type() == PointType.STRING) {
      return ValueType.STRING;
    }
    if (point.scaled() || !point.type().integral()) {
      return ValueType.DOUBLE;
    }
    return switch (point.type()) {
      case INT16, UINT16, INT32 -> ValueType.INTEGER;
      default -> ValueType.LONG;
    };
  }

  @Override
  public String id() {
    return poller.id();
  }

  @Override
  public List<Channel> channels() {
    return channels;
  }

  @Override
  public CompletableFuture<ReadingSet> readNow() {
    return bus.exchange(poller.id(), t -> poller.read(t).set());
  }

  @Override
  public void checkWrite(String channel, Object value) {
    WriteEncoder.encode(point(channel), value);
  }

  @Override
  public CompletableFuture<Void> write(String channel, Object value) {
    WriteRequest request = WriteEncoder.encode(point(channel), value);
    return bus.exchange(
        poller.id(),
        t -> {
          poller.write(t, request);
          return null;
        });
  }

  private Point point(String channel) {
    return poller.profile().points().stream()
        .filter(p -> p.name().equals(channel))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException("unknown channel " + channel + " of " + poller.id()));
  }
}
