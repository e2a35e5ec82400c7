package cn.yichang.edge.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.profile.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sites with ascii-line and framed devices: no unit, their own factory PIDs, streaming alone. */
class SerialProtocolSitesTest {

  private static final String HEAD =
      """
      gateway: {id: yc-1, account: yichang}
      buses:
        - {id: gnss, type: serial, port: /dev/ttyS1}
        - {id: rs485-1, type: serial, port: /dev/ttyUSB0, baud: 115200}
      devices:
      """;

  @TempDir Path dir;

  @Test
  void acceptsAStreamingReceiverAloneAndAPolledRadarBesideAModbusDevice() throws Exception {
    SiteReport report =
        read(
            HEAD
                + """
                  - {id: gnss-01, profile: elderly-care/gnss-nmea, bus: gnss, poll: 5s}
                  - {id: radar-01, profile: elderly-care/mmwave-fall-radar, bus: rs485-1}
                  - {id: bed-01, profile: elderly-care/bed-sensor, bus: rs485-1, unit: 1}
                """);

    assertThat(report.errors()).isEmpty();
    List<SiteConfigurations.Desired> configs =
        SiteConfigurations.of(report.site(), SiteReaderTest.DISTRIBUTION, dir);
    assertThat(configs.stream().map(SiteConfigurations.Desired::toString))
        .contains(
            "cn.yichang.edge.serialproto.ascii~gnss-01",
            "cn.yichang.edge.serialproto.framed~radar-01",
            "cn.yichang.edge.modbus.device~bed-01");
    SiteConfigurations.Desired gnss =
        configs.stream().filter(c -> "gnss-01".equals(c.name())).findFirst().orElseThrow();
    assertThat(gnss.properties())
        .containsEntry("bus", "gnss")
        .containsEntry("bus.target", "(bus.id=gnss)")
        .containsEntry("poll.ms", 5000L);
    assertThat(SiteConfigurations.OWNED_FACTORY_PIDS)
        .contains("cn.yichang.edge.serialproto.ascii", "cn.yichang.edge.serialproto.framed");
  }

  @Test
  void refusesAStreamingDeviceThatSharesItsBus() throws Exception {
    assertThat(
            problems(
                HEAD
                    + """
                      - {id: gnss-01, profile: elderly-care/gnss-nmea, bus: rs485-1}
                      - {id: radar-01, profile: elderly-care/mmwave-fall-radar, bus: rs485-1}
                    """))
        .containsExactly(
            "6: devices[0].bus: profile elderly-care/gnss-nmea streams without being asked: it"
                + " needs its port alone, but bus rs485-1 also has radar-01");
  }

  @Test
  void aUnitIsRequiredForModbusAndRefusedForTheOthers() throws Exception {
    assertThat(
            problems(
                HEAD
                    + """
                      - {id: bed-01, profile: elderly-care/bed-sensor, bus: rs485-1}
                      - {id: radar-01, profile: elderly-care/mmwave-fall-radar, bus: rs485-1, unit: 2}
                    """))
        .containsExactly(
            "6: devices[0].unit: missing (required for a modbus-rtu device)",
            "7: devices[1].unit: only for modbus-rtu devices; profile"
                + " elderly-care/mmwave-fall-radar uses framed");
  }

  private SiteReport read(String yaml) throws Exception {
    Path file = dir.resolve("site.yaml");
    Files.writeString(file, yaml);
    return SiteReader.read(file, SiteReaderTest.DISTRIBUTION);
  }

  private List<String> problems(String yaml) throws Exception {
    return read(yaml).errors().stream()
        .map((Problem p) -> p.line() + ": " + p.field() + ": " + p.message())
        .toList();
  }
}
