package cn.yichang.edge.tools;

import cn.yichang.edge.bus.Transactor;
import cn.yichang.edge.modbus.RtuClient;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.yaml.ProfileDirectories;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.serial.SerialLine;
import cn.yichang.edge.serial.SerialLineFactory;
import cn.yichang.edge.serialproto.SerialDeviceCheck;
import cn.yichang.edge.site.CommissionSummary;
import cn.yichang.edge.tools.CommissionReport.DeviceResult;
import cn.yichang.edge.tools.CommissionReport.PointResult;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The bus part of {@code commission}: every device on a serial bus read once as the gateway reads
 * it, one line open per bus (stop the gateway first). Modbus RTU devices and polled ascii-line and
 * framed devices share the bus's line through one transactor; a streaming device (which the site
 * validation gives a bus of its own) is listened to until each of its fields has come once, or for
 * at most its profile's {@code timeout}.
 */
final class BusCommissioning {

  private final SerialLineFactory lines;
  private final ProfileDirectories profiles;
  private final PrintStream progress;

  BusCommissioning(SerialLineFactory lines, ProfileDirectories profiles, PrintStream progress) {
    this.lines = lines;
    this.profiles = profiles;
    this.progress = progress;
  }

  /** Whether this reads devices of the protocol. */
  static boolean reads(String protocol) {
    return RtuClient.PROTOCOL.equals(protocol) || SerialDeviceCheck.PROTOCOLS.contains(protocol);
  }

  /** The results of the devices read, by device id. */
  Map<String, DeviceResult> poll(
      List<CommissionSummary.Bus> buses, List<CommissionSummary.Device> devices)
      throws InterruptedException {
    Map<String, DeviceResult> results = new LinkedHashMap<>();
    for (CommissionSummary.Bus bus : buses) {
      List<CommissionSummary.Device> polled =
          devices.stream()
              .filter(d -> bus.id().equals(d.bus()))
              .filter(d -> reads(d.protocol()))
              .toList();
      if (polled.isEmpty()) {
        continue;
      }
      LineSettings settings =
          new LineSettings(
              bus.port(),
              bus.baud(),
              Parity.valueOf(bus.parity().toUpperCase(Locale.ROOT)),
              bus.dataBits(),
              bus.stopBits());
      progress.println(
          "polling "
              + polled.size()
              + " device(s) on "
              + bus.id()
              + " ("
              + bus.port()
              + ", "
              + BusScanner.describe(settings)
              + ")");
      try (SerialLine line = lines.open(settings)) {
        Transactor transactor = Transactor.standalone(line, bus.responseTimeout());
        for (CommissionSummary.Device d : polled) {
          results.put(d.id(), read(line, transactor, d));
        }
      } catch (IOException e) {
        for (CommissionSummary.Device d : polled) {
          results.put(d.id(), portError(d, "cannot open " + bus.port() + ": " + e.getMessage()));
        }
      }
    }
    return results;
  }

  private DeviceResult read(SerialLine line, Transactor transactor, CommissionSummary.Device d)
      throws InterruptedException {
    DeviceProfile profile;
    try {
      Optional<DeviceProfile> found = profiles.find(d.profile());
      if (found.isEmpty()) {
        return DeviceResult.notChecked(
            d.id(), d.profile(), d.protocol(), d.bus(), d.unit(), "profile not found");
      }
      profile = found.get();
    } catch (ProfileException e) {
      return DeviceResult.notChecked(
          d.id(), d.profile(), d.protocol(), d.bus(), d.unit(), e.getMessage());
    }
    List<PointResult> points = new ArrayList<>();
    if (RtuClient.PROTOCOL.equals(profile.protocol())) {
      List<PointReading> readings =
          new RtuClient(transactor).poll(d.id(), profile, d.unit()).points();
      for (int i = 0; i < readings.size(); i++) {
        Point p = profile.points().get(i);
        points.add(point(readings.get(i), p.unit()));
      }
    } else {
      SerialDeviceCheck check = SerialDeviceCheck.of(d.id(), profile);
      List<PointReading> readings;
      if (check.streaming()) {
        progress.println(
            "  listening to "
                + d.id()
                + " for up to "
                + GpioCommissioning.seconds(check.timeout())
                + " (it talks by itself)");
        try {
          readings = check.listen(line, check.timeout());
        } catch (IOException e) {
          return portError(d, "reading " + line.settings().port() + " failed: " + e.getMessage());
        }
      } else {
        readings = check.poll(transactor);
      }
      readings.forEach(r -> points.add(point(r, null)));
    }
    return new DeviceResult(
        d.id(),
        d.profile(),
        d.protocol(),
        d.bus(),
        d.unit(),
        CommissionReport.deviceStatus(points),
        null,
        points);
  }

  /**
   * @param profileUnit the unit the profile gives the point, when the reading carries none
   */
  static PointResult point(PointReading r, String profileUnit) {
    String unit = r.unit() == null ? profileUnit : r.unit();
    if (!r.ok()) {
      return new PointResult(
          r.name(), null, unit, null, CommissionReport.status(r.error(), false), r.error());
    }
    return new PointResult(
        r.name(),
        String.valueOf(r.value()),
        unit,
        !r.outOfRange(),
        CommissionReport.status(null, r.outOfRange()),
        null);
  }

  private static DeviceResult portError(CommissionSummary.Device d, String detail) {
    return new DeviceResult(
        d.id(), d.profile(), d.protocol(), d.bus(), d.unit(), "port error", detail, List.of());
  }
}
