package cn.yichang.edge.site.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A valid site file: where this gateway is installed and what is wired to it.
 *
 * @param profileDirs the site's own profile directories, resolved against the site file's
 *     directory, searched before the distribution's
 */
record Site(
    Path file, Gateway gateway, List<Path> profileDirs, List<Bus> buses, List<Device> devices) {

  Site {
    profileDirs = List.copyOf(profileDirs);
    buses = List.copyOf(buses);
    devices = List.copyOf(devices);
  }

  record Gateway(String id, String account) {}

  /** A serial line; {@code parity} is none, even or odd. */
  record Bus(
      String id,
      String type,
      String port,
      int baud,
      String parity,
      int dataBits,
      int stopBits,
      Duration responseTimeout) {}

  /**
   * @param protocol the protocol of the device's profile, which chooses the component that reads it
   */
  record Device(String id, String profile, String bus, int unit, Duration poll, String protocol) {}
}
