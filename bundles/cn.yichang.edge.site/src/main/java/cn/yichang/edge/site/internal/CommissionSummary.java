package cn.yichang.edge.site.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    SiteReport report = SiteReader.read(file, distributionProfiles);
    if (!report.valid()) {
      return new CommissionSummary(
          report.errors().stream().map(Object::toString).toList(),
          null,
          null,
          List.of(),
          List.of(),
          List.of(),
          null);
    }
    Site site = report.site();
    List<Path> dirs = new ArrayList<>(site.profileDirs());
    if (distributionProfiles != null) {
      dirs.add(distributionProfiles);
    }
    return new CommissionSummary(
        List.of(),
        site.gateway().id(),
        site.gateway().account(),
        List.copyOf(dirs),
        site.buses().stream()
            .map(
                b ->
                    new Bus(
                        b.id(),
                        b.port(),
                        b.baud(),
                        b.parity(),
                        b.dataBits(),
                        b.stopBits(),
                        b.responseTimeout()))
            .toList(),
        site.devices().stream()
            .map(
                d ->
                    new Device(
                        d.id(),
                        d.profile(),
                        d.protocol(),
                        d.bus(),
                        d.unit(),
                        d.pin() == null ? -1 : d.pin().pin(),
                        d.pin() == null ? null : d.pin().pull()))
            .toList(),
        site.gpio() == null
            ? null
            : new Gpio(site.gpio().provider(), site.gpio().script(), site.gpio().scriptScale()));
  }
}
