package cn.yichang.edge.serialproto;

import cn.yichang.edge.bus.Transactor;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.serial.SerialLine;
import cn.yichang.edge.serialproto.internal.AsciiLineDeviceComponent;
import cn.yichang.edge.serialproto.internal.FramedDeviceComponent;
import cn.yichang.edge.serialproto.internal.SerialCheck;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One read of an ascii-line or framed device outside the gateway ({@code commission}, on a plain
 * class path), with the gateway's parsers and poll: a polled device is asked once; a streaming one
 * is listened to until every field has come or the time is up.
 */
@ProviderType
public interface SerialDeviceCheck {

  /** The protocols this reads. */
  Set<String> PROTOCOLS = Set.of(AsciiLineDeviceComponent.PROTOCOL, FramedDeviceComponent.PROTOCOL);

  /**
   * @throws IllegalArgumentException for a profile of another protocol
   */
  static SerialDeviceCheck of(String id, DeviceProfile profile) {
    return SerialCheck.of(id, profile);
  }

  /** Whether the device talks by itself (no request): {@link #listen}, else {@link #poll}. */
  boolean streaming();

  /** The profile's timeout: the whole answer of a polled device, a field's age for a streaming. */
  Duration timeout();

  /** Asks a polled device once; every field as the gateway would report it. */
  List<PointReading> poll(Transactor transactor) throws InterruptedException;

  /** Listens to a streaming device for at most {@code atMost}. */
  List<PointReading> listen(SerialLine line, Duration atMost)
      throws IOException, InterruptedException;
}
