package cn.yichang.edge.gpio;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The latched alarms of the gateway's GPIO devices (SOS buttons, door-forced contacts), and how
 * they are reset: locally with {@code edge:ack DEVICE}, and by the platform's acknowledgement once
 * remote management calls {@link #acknowledge}.
 */
@ProviderType
public interface GpioAlarms {

  /** The ids of the alarm devices whose alarm is raised and not yet acknowledged. */
  List<String> latched();

  /**
   * Resets the latched alarm of a device; the reset is published at alarm priority.
   *
   * @return false when the device has no latched alarm (unknown, not an alarm, or already reset)
   */
  boolean acknowledge(String deviceId);
}
