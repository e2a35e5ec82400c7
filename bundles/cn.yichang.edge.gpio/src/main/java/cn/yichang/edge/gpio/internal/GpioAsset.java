package cn.yichang.edge.gpio.internal;

import cn.yichang.edge.gpio.GpioAlarms;
import cn.yichang.edge.profile.GpioSpec;
import cn.yichang.edge.profile.GpioSpec.Kind;
import cn.yichang.edge.reading.Asset;
import cn.yichang.edge.reading.ReadingSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A GPIO device as remote management sees it: a read answers its current state (the pin is watched
 * all the time, there is nothing to poll), and the one writable channel is an alarm's: writing
 * {@code false} to it acknowledges the latched alarm ({@link GpioAlarms#acknowledge}), as {@code
 * edge:ack} does locally. An alarm is raised by its input only, so {@code true} is refused.
 */
final class GpioAsset implements Asset {

  private final GpioDevice device;
  private final GpioAlarms alarms;
  private final List<Channel> channels;

  GpioAsset(GpioDevice device, GpioAlarms alarms) {
    this.device = device;
    this.alarms = alarms;
    this.channels = channels(device.spec());
  }

  static List<Channel> channels(GpioSpec spec) {
    String name = spec.name();
    return switch (spec.kind()) {
      case STATE -> List.of(read(name, ValueType.BOOLEAN));
      case OCCUPANCY ->
          List.of(read(name, ValueType.BOOLEAN), read(name + "_since", ValueType.STRING));
      case ALARM ->
          List.of(
              new Channel(name, ValueType.BOOLEAN, true, null, null),
              read(name + "_events", ValueType.LONG));
      case COUNTER ->
          List.of(
              read(name, ValueType.DOUBLE),
              read(name + "_rate", ValueType.DOUBLE),
              read(name + "_pulses", ValueType.LONG));
    };
  }

  private static Channel read(String name, ValueType type) {
    return new Channel(name, type, false, null, null);
  }

  @Override
  public String id() {
    return device.id();
  }

  @Override
  public List<Channel> channels() {
    return channels;
  }

  @Override
  public CompletableFuture<ReadingSet> readNow() {
    return CompletableFuture.completedFuture(device.current());
  }

  @Override
  public void checkWrite(String channel, Object value) {
    Channel c =
        channels.stream()
            .filter(x -> x.name().equals(channel))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("unknown channel " + channel + " of " + id()));
    if (!c.writable() || device.spec().kind() != Kind.ALARM) {
      throw new IllegalArgumentException(channel + " of " + id() + " is not writable");
    }
    if (!Boolean.FALSE.equals(value)) {
      throw new IllegalArgumentException(
          channel
              + " is an alarm: only false (acknowledge) can be written, an alarm is raised by its"
              + " input");
    }
  }

  /** Acknowledges the alarm; an alarm that is not latched is left as it is (false already). */
  @Override
  public CompletableFuture<Void> write(String channel, Object value) {
    checkWrite(channel, value);
    alarms.acknowledge(device.id());
    return CompletableFuture.completedFuture(null);
  }
}
