package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.bus.Bus;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.ProfileRepository;
import cn.yichang.edge.reading.ReadingPublisher;
import cn.yichang.edge.serial.SerialLineFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the two device components share: checks the configuration and the profile, then has the bus
 * poll the device, or, for a device that talks without being asked, reads its port on a thread of
 * its own (the bus's settings say how; the bus never opens a port no device is attached to).
 */
final class SerialDevice implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SerialDevice.class);

  /** How a profile's devices are read: the parser, the request of a poll (null: streaming). */
  record Codec(MessageParser parser, byte[] request, Duration timeout) {}

  private final AutoCloseable running;
  private final DeviceProfile profile;
  private final PolledSerialDevice polled;
  private final StreamingSerialDevice streaming;

  private SerialDevice(
      DeviceProfile profile,
      PolledSerialDevice polled,
      StreamingSerialDevice streaming,
      AutoCloseable running) {
    this.profile = profile;
    this.polled = polled;
    this.streaming = streaming;
    this.running = running;
  }

  static SerialDevice start(
      String protocol,
      SerialDeviceConfig config,
      Bus bus,
      ProfileRepository profiles,
      ReadingPublisher publisher,
      SerialLineFactory lines,
      Function<DeviceProfile, Codec> codecs) {
    String id = config.id();
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("device configuration without an id");
    }
    if (!bus.id().equals(config.bus())) {
      throw new IllegalStateException(
          id + ": bound to bus " + bus.id() + " but configured for bus " + config.bus());
    }
    if (config.poll_ms() <= 0) {
      throw new IllegalArgumentException(id + ": poll interval must be positive");
    }
    DeviceProfile profile = find(id, config.profile(), profiles);
    if (!protocol.equals(profile.protocol())) {
      throw new IllegalArgumentException(
          id
              + ": profile "
              + profile.id()
              + " has protocol "
              + profile.protocol()
              + ", not "
              + protocol);
    }
    Codec codec = codecs.apply(profile);
    Duration interval = Duration.ofMillis(config.poll_ms());
    int points = codec.parser().fields().size();
    if (codec.request() == null) {
      StreamingSerialDevice s =
          new StreamingSerialDevice(
              id,
              bus.settings(),
              lines,
              codec.parser(),
              interval,
              codec.timeout(),
              publisher,
              Clock.systemUTC());
      s.start();
      LOG.info(
          "{}: {} points, streaming on {} (bus {}), reported at most every {} ms",
          id,
          points,
          bus.settings().port(),
          bus.id(),
          interval.toMillis());
      return new SerialDevice(profile, null, s, s);
    }
    PolledSerialDevice p =
        new PolledSerialDevice(
            id,
            interval,
            codec.request(),
            codec.timeout(),
            codec.parser(),
            publisher,
            Clock.systemUTC());
    Bus.Attachment attachment = bus.attach(p);
    LOG.info(
        "{}: {} points, polled on {} ({} bytes a request)",
        id,
        points,
        bus.id(),
        codec.request().length);
    return new SerialDevice(profile, p, null, attachment::close);
  }

  private static DeviceProfile find(String id, String profileId, ProfileRepository repo) {
    try {
      return repo.find(profileId)
          .orElseThrow(
              () -> new IllegalStateException(id + ": profile " + profileId + " not found"));
    } catch (ProfileException e) {
      throw new IllegalStateException(
          id + ": profile " + profileId + " is invalid: " + e.getMessage(), e);
    }
  }

  DeviceProfile profile() {
    return profile;
  }

  PolledSerialDevice polled() {
    return polled;
  }

  StreamingSerialDevice streaming() {
    return streaming;
  }

  @Override
  public void close() {
    try {
      running.close();
    } catch (Exception e) {
      LOG.warn("stopping failed", e);
    }
  }
}
