package cn.yichang.edge.site.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A valid site file: where this gateway is installed and what is wired to it.
 *
 * @param profileDirs the site's own profile directories, resolved against the site file's
 *     directory, searched before the distribution's
 */
record Site(
    Path file,
    Gateway gateway,
    List<Path> profileDirs,
    List<Bus> buses,
    List<Device> devices,
    Uplink uplink,
    Store store,
    Remote remote,
    Gpio gpio,
    Report report,
    List<Hj212> hj212) {

  Site {
    profileDirs = List.copyOf(profileDirs);
    buses = List.copyOf(buses);
    devices = List.copyOf(devices);
    hj212 = List.copyOf(hj212);
  }

  /**
   * An environment platform of {@code hj212:}; TLS files are the uplink's.
   *
   * @param devices the devices whose coded points it receives
   */
  record Hj212(
      String id,
      String url,
      boolean allowPlaintext,
      String mn,
      String password,
      String st,
      Duration realtime,
      Duration minute,
      boolean ack,
      Duration timeout,
      int retries,
      List<String> devices,
      List<String> maintenance,
      List<String> calibration,
      String timeZone) {
    Hj212 {
      devices = List.copyOf(devices);
      maintenance = List.copyOf(maintenance);
      calibration = List.copyOf(calibration);
    }
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
   * @param bus for a bus device, its bus; null for a GPIO device
   * @param protocol the protocol of the device's profile, which chooses the component that reads it
   * @param pin for a GPIO device, its pin and pull; null for a bus device
   * @param deadbands by point: the site's ({@code report: {deadband: ...}}) over the profile's, as
   *     the file reads them; the profile's are merged in once it is resolved
   * @param pollutantCodes by point: the HJ 212 code, the device's {@code hj212:} over the
   *     profile's, merged in once it is resolved
   * @param units by point, every point of the profile: its unit ("" for none, null when the
   *     profile's protocol does not say)
   */
  record Device(
      String id,
      String profile,
      String bus,
      int unit,
      Duration poll,
      String protocol,
      GpioPin pin,
      Map<String, String> deadbands,
      Map<String, String> pollutantCodes,
      Map<String, String> units) {

    Device {
      deadbands = Map.copyOf(deadbands);
      // in the profile's order: the order of the groups a platform receives
      pollutantCodes =
          java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pollutantCodes));
      units = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(units));
    }

    /** A device on a bus. */
    Device(String id, String profile, String bus, int unit, Duration poll, String protocol) {
      this(id, profile, bus, unit, poll, protocol, null, Map.of(), Map.of(), Map.of());
    }

    Device withProtocol(String protocol) {
      return new Device(
          id, profile, bus, unit, poll, protocol, pin, deadbands, pollutantCodes, units);
    }

    Device withDeadbands(Map<String, String> bands) {
      return new Device(id, profile, bus, unit, poll, protocol, pin, bands, pollutantCodes, units);
    }

    Device withPollutantCodes(Map<String, String> codes, Map<String, String> units) {
      return new Device(id, profile, bus, unit, poll, protocol, pin, deadbands, codes, units);
    }
  }

  /**
   * What is worth sending ({@code report:}), the site's default for every destination.
   *
   * @param mode {@code every-poll} (every reading) or {@code on-change}
   * @param heartbeat under on-change, how often every point is sent anyway; null for never
   */
  record Report(String mode, Duration heartbeat) {
    static Report defaults() {
      return new Report(SiteSchema.Report.MODE.defaultValue(), null);
    }
  }

  /**
   * The pin a GPIO device is wired to.
   *
   * @param pull {@code up}, {@code down} or {@code off}; null for the profile's default
   */
  record GpioPin(int pin, String pull) {}

  /**
   * The GPIO provider: {@code auto}, {@code mock}, {@code gpiod} or {@code linuxfs}, and for the
   * mock an event script to play (absolute; null for none).
   */
  record Gpio(String provider, Path script, double scriptScale) {
    static Gpio defaults() {
      return new Gpio(
          SiteSchema.Gpio.PROVIDER.defaultValue(),
          null,
          SiteSchema.Gpio.SCRIPT_SCALE.defaultValue());
    }
  }

  /** The buffer; {@code path} is null for the default, {@code buffer.db} in the state directory. */
  record Store(Path path, int maxMb, Duration commitInterval, int commitMaxMessages) {
    static Store defaults() {
      return new Store(
          null,
          SiteSchema.Store.MAX_MB.defaultValue(),
          SiteSchema.Store.COMMIT_INTERVAL.defaultValue(),
          SiteSchema.Store.COMMIT_MAX_MESSAGES.defaultValue());
    }
  }

  /**
   * Remote management ({@code remote:}); null without the section.
   *
   * @param commands the programs CMD-V1 may run (as sent in {@code command.command}); empty: CMD-V1
   *     is off
   */
  record Remote(List<String> commands, Duration commandTimeout, int commandOutputBytes) {
    Remote {
      commands = List.copyOf(commands);
    }
  }

  /** The platform connection; {@code tls} is null only for an allowed tcp:// url. */
  record Uplink(
      String url,
      String protocol,
      Tls tls,
      boolean allowPlaintext,
      String appId,
      int inFlight,
      Duration keepalive,
      Duration reconnectMin,
      Duration reconnectMax,
      int maxMessage) {}

  /**
   * TLS files, absolute; absent ones null.
   *
   * @param complete whether every file named exists and the set is usable
   */
  record Tls(
      Path ca,
      Path cert,
      Path key,
      Path p12,
      String password,
      boolean allowLoosePermissions,
      boolean complete) {}
}
