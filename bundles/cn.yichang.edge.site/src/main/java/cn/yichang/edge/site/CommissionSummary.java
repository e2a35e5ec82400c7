package cn.yichang.edge.site;

import cn.yichang.edge.site.internal.SiteSummaries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code commission} needs of a site file, read by the site reader: the gateway's identity,
 * its buses and its devices with their profiles' protocols. Public for the tools on a plain class
 * path; nothing else.
 *
 * @param errors the site file's errors as {@code FILE:LINE: field: message}, as {@code validate}
 *     prints them; the other fields are empty or null when there are any
 * @param profileDirs where the devices' profiles are found, in search order
 */
public record CommissionSummary(
    List<String> errors,
    String id,
    String account,
    List<Path> profileDirs,
    List<Bus> buses,
    List<Device> devices,
    Gpio gpio) {

  /** A serial line; {@code parity} is none, even or odd. */
  public record Bus(
      String id,
      String port,
      int baud,
      String parity,
      int dataBits,
      int stopBits,
      Duration responseTimeout) {}

  /**
   * @param bus null for a GPIO device
   * @param pin the GPIO pin; -1 for a bus device
   * @param pull the site's pull for the pin ({@code up}, {@code down}, {@code off}); null for the
   *     profile's, or for a bus device
   */
  public record Device(
      String id, String profile, String protocol, String bus, int unit, int pin, String pull) {}

  /**
   * The GPIO provider ({@code auto}, {@code mock}, {@code gpiod}, {@code linuxfs}) and the mock's
   * event script (absolute; null for none); null when the site has no GPIO.
   */
  public record Gpio(String provider, Path script, double scriptScale) {}

  public static CommissionSummary read(Path file, Path distributionProfiles) {
    return SiteSummaries.commission(file, distributionProfiles);
  }
}
