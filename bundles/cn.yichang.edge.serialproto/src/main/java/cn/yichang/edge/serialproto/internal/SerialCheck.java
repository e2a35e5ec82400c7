package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.bus.Transactor;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.serial.SerialLine;
import cn.yichang.edge.serialproto.SerialDeviceCheck;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One read of an ascii-line or framed device, outside the gateway ({@code commission}, on a plain
 * class path), with the parsers and the poll the gateway uses: a polled device is asked once
 * through a {@link Transactor} (which may serve the Modbus devices of the same bus); for a
 * streaming device the line is listened to until every field has come at least once or the time is
 * up, and each field is reported as the gateway would report it then ({@link LatestValues}: never
 * received {@code no data}, nothing received at all {@code timeout}).
 */
public final class SerialCheck implements SerialDeviceCheck {

  private static final long READ_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final String id;
  private final SerialDevice.Codec codec;

  private SerialCheck(String id, SerialDevice.Codec codec) {
    this.id = id;
    this.codec = codec;
  }

  /**
   * @throws IllegalArgumentException for a profile of another protocol
   */
  public static SerialCheck of(String id, DeviceProfile profile) {
    return switch (profile.protocol()) {
      case AsciiLineDeviceComponent.PROTOCOL ->
          new SerialCheck(id, AsciiLineDeviceComponent.codec(profile));
      case FramedDeviceComponent.PROTOCOL ->
          new SerialCheck(id, FramedDeviceComponent.codec(profile));
      default ->
          throw new IllegalArgumentException(
              id + ": profile " + profile.id() + " is " + profile.protocol() + ", not serial");
    };
  }

  /** Whether the device talks by itself (no request): {@link #listen}, else {@link #poll}. */
  @Override
  public boolean streaming() {
    return codec.request() == null;
  }

  /** The profile's timeout: the whole answer of a polled device, a field's age for a streaming. */
  @Override
  public Duration timeout() {
    return codec.timeout();
  }

  /** One poll, as the bus polls the device: a reading per field, in profile order. */
  @Override
  public List<PointReading> poll(Transactor transactor) throws InterruptedException {
    PolledSerialDevice device =
        new PolledSerialDevice(
            id,
            Duration.ofSeconds(1),
            codec.request(),
            codec.timeout(),
            codec.parser(),
            set -> {},
            Clock.systemUTC());
    return device.read(transactor).set().points();
  }

  /**
   * Reads what a streaming device sends until every field has come once or {@code atMost} has
   * passed. When only rejected messages came, every field fails with the first reason.
   *
   * @return a reading per field, in profile order
   * @throws IOException when the line fails
   */
  @Override
  public List<PointReading> listen(SerialLine line, Duration atMost)
      throws IOException, InterruptedException {
    MessageParser parser = codec.parser();
    Fields fields = parser.fields();
    long start = System.nanoTime();
    LatestValues latest = new LatestValues(fields, 0, atMost.toNanos(), start);
    Set<String> seen = new HashSet<>();
    String[] rejected = new String[1];
    MessageParser.Listener listener =
        new MessageParser.Listener() {
          @Override
          public void message(List<PointReading> readings) {
            latest.message(readings, System.nanoTime());
            readings.forEach(r -> seen.add(r.name()));
          }

          @Override
          public void rejected(String reason, String detail) {
            if (rejected[0] == null) {
              rejected[0] = reason;
            }
          }
        };
    parser.reset();
    byte[] buffer = new byte[256];
    long deadline = start + atMost.toNanos();
    long left;
    while (!seen.containsAll(fields.names()) && (left = deadline - System.nanoTime()) > 0) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      int n = line.read(buffer, 0, buffer.length, Math.min(left, READ_SLICE_NANOS));
      if (n > 0) {
        parser.feed(buffer, 0, n, listener);
      }
    }
    if (seen.isEmpty() && rejected[0] != null) {
      return fields.allFailed(rejected[0]);
    }
    return latest.current(System.nanoTime());
  }
}
