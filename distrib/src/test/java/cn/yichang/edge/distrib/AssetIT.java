package cn.yichang.edge.distrib;

import static cn.yichang.edge.distrib.FleetConsole.body;
import static cn.yichang.edge.distrib.FleetConsole.code;
import static cn.yichang.edge.distrib.FleetConsole.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.sim.SocatPtyPair;
import cn.yichang.edge.sim.broker.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ASSET-V1 against the real distribution, from the fleet console over TLS Mosquitto: the assets are
 * listed with their writable points, a read polls the pymodbus device now (its scheduled poll is an
 * hour away), a writable holding register, a scaled one and a coil are written through the bus and
 * read back, and malformed or forbidden writes get 400 and change nothing; an SOS button's latched
 * alarm is acknowledged by writing false to it.
 */
class AssetIT {

  @TempDir Path dir;

  @Test
  void readsAndWritesTheAllTypesDeviceFromTheFleetConsole() throws Exception {
    try (PlatformRig rig = new PlatformRig(dir);
        SocatPtyPair pty = SocatPtyPair.start(dir, "tty-all-master", "tty-all-device");
        PythonModbusDevice all =
            PythonModbusDevice.start(
                pty.deviceEnd(),
                19200,
                "--unit",
                "7",
                // The registers documented in device-profiles/test/all-types.yaml.
                "--holding",
                "0=0xFB2E,1=0xC822,2=0xFFFE,3=0x1DC0,4=0x1DC0,5=0xFFFE,6=0xDEAD,7=0xBEEF,"
                    + "8=0xFFFF,9=0xFFFF,10=0xFFFF,11=0xFFFE,12=0x4049,13=0x0FD0,14=0x0FD0,"
                    + "15=0x4049,16=0x4005,17=0xBF0A,18=0x8B14,19=0x5769,20=0x0008,21=0x5341,"
                    + "22=0x4E58,23=0x4941,24=0x2D31,25=0x0258",
                "--input",
                "0=12345",
                "--coil",
                "0=1",
                "--discrete",
                "0=1");
        GatewayProcess gateway =
            GatewayProcess.start(
                Map.of("SANXIA_STATE_DIR", dir.resolve("state").toString()),
                "run",
                "--config",
                withAllTypes(rig.siteFile("1s", ""), pty, dir).toString());
        FleetConsole console =
            new FleetConsole(rig.broker, rig.pki, PlatformRig.ACCOUNT, PlatformRig.GATEWAY)) {

      await().atMost(Duration.ofSeconds(60)).until(() -> announcedApps(rig).contains("ASSET-V1"));
      gateway.awaitLine(l -> ReadingLine.isReading(l, "all"), Duration.ofSeconds(30));

      KuraPayload assets = console.call("ASSET-V1", "GET", "assets", null);
      assertThat(code(assets)).as(message(assets)).isEqualTo(200);
      assertThat(body(assets))
          .contains(
              "{\"name\":\"all\",\"channels\":[{\"name\":\"i16\",\"type\":\"INTEGER\","
                  + "\"mode\":\"READ\"},{\"name\":\"u16\",\"type\":\"INTEGER\","
                  + "\"mode\":\"READ_WRITE\"}")
          .contains("{\"name\":\"scaled\",\"type\":\"DOUBLE\",\"mode\":\"READ_WRITE\"}")
          .contains("{\"name\":\"coil0\",\"type\":\"BOOLEAN\",\"mode\":\"READ_WRITE\"}")
          .contains("{\"name\":\"soil-01\",\"channels\":[{\"name\":\"moisture\"");

      String some =
          "[{\"name\":\"all\",\"channels\":[{\"name\":\"u16\"},{\"name\":\"scaled\"},"
              + "{\"name\":\"coil0\"},{\"name\":\"f64\"},{\"name\":\"in_u16\"}]}]";
      String before = body(read(console, some));
      assertThat(before)
          .contains("\"name\":\"u16\",\"type\":\"INTEGER\",\"value\":\"51234\"")
          .contains("\"name\":\"scaled\",\"type\":\"DOUBLE\",\"value\":\"20.0\"")
          .contains("\"name\":\"coil0\",\"type\":\"BOOLEAN\",\"value\":\"true\"")
          .contains("\"value\":\"2.718281828459045\"")
          .contains("\"value\":\"12345\"")
          .doesNotContain("error");

      KuraPayload written =
          console.call(
              "ASSET-V1",
              "EXEC",
              "write",
              json(
                  "[{\"name\":\"all\",\"channels\":["
                      + "{\"name\":\"u16\",\"type\":\"INTEGER\",\"value\":\"4321\"},"
                      + "{\"name\":\"scaled\",\"type\":\"DOUBLE\",\"value\":\"25.5\"},"
                      + "{\"name\":\"coil0\",\"type\":\"BOOLEAN\",\"value\":\"false\"}]}]"));
      assertThat(code(written)).as(message(written)).isEqualTo(200);
      assertThat(body(written)).doesNotContain("error");

      // read back now: the scheduled poll is an hour away, so this is the device's answer
      String after = body(read(console, some));
      assertThat(after)
          .contains("\"name\":\"u16\",\"type\":\"INTEGER\",\"value\":\"4321\"")
          .contains("\"name\":\"scaled\",\"type\":\"DOUBLE\",\"value\":\"25.5\"")
          .contains("\"name\":\"coil0\",\"type\":\"BOOLEAN\",\"value\":\"false\"");
      // reads and writes are not telemetry: the one scheduled poll published the only reading
      assertThat(gateway.linesMatching(l -> ReadingLine.isReading(l, "all"))).hasSize(1);

      // refused: nothing written
      assertRefused(
          console, 400, "{\"name\":\"i16\",\"value\":\"1\"}", "i16 of all is not writable");
      assertRefused(
          console, 400, "{\"name\":\"u16\",\"value\":\"70000\"}", "outside uint16 0..65535");
      assertRefused(
          console, 400, "{\"name\":\"scaled\",\"value\":\"81\"}", "81.0 is outside -40.0..80.0");
      assertRefused(console, 400, "{\"name\":\"u16\",\"value\":\"twelve\"}", "is not an integer");
      assertRefused(console, 400, "{\"name\":\"nope\",\"value\":\"1\"}", "unknown channel nope");
      KuraPayload garbage = console.call("ASSET-V1", "EXEC", "write", json("[{\"name\":"));
      assertThat(code(garbage)).isEqualTo(400);
      assertThat(message(garbage)).startsWith("malformed JSON");
      KuraPayload unknown =
          console.call("ASSET-V1", "EXEC", "read", json("[{\"name\":\"elsewhere\"}]"));
      assertThat(code(unknown)).isEqualTo(404);
      assertThat(body(read(console, some))).contains("\"value\":\"4321\"");

      // the SOS button's latched alarm is acknowledged by writing false to it
      gateway.awaitLine(l -> l.contains("alarm reading room-1-sos at"), Duration.ofSeconds(30));
      String sos = "[{\"name\":\"room-1-sos\",\"channels\":[{\"name\":\"sos\"}]}]";
      assertThat(body(read(console, sos)))
          .contains("\"name\":\"sos\",\"type\":\"BOOLEAN\",\"value\":\"true\"");
      KuraPayload raise =
          console.call(
              "ASSET-V1",
              "EXEC",
              "write",
              json(sos.replace("{\"name\":\"sos\"}", "{\"name\":\"sos\",\"value\":\"true\"}")));
      assertThat(code(raise)).isEqualTo(400);
      assertThat(message(raise)).contains("only false (acknowledge) can be written");
      KuraPayload ack =
          console.call(
              "ASSET-V1",
              "EXEC",
              "write",
              json(
                  sos.replace(
                      "{\"name\":\"sos\"}",
                      "{\"name\":\"sos\",\"type\":\"BOOLEAN\",\"value\":false}")));
      assertThat(code(ack)).as(message(ack)).isEqualTo(200);
      gateway.awaitLine(
          l -> l.contains("GPIO: alarm of room-1-sos acknowledged"), Duration.ofSeconds(10));
      assertThat(body(read(console, sos))).contains("\"value\":\"false\"");
      // the reset went out at alarm priority, as a local edge:ack does
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  gateway.linesMatching(l -> l.contains("alarm reading room-1-sos at")).size()
                      == 2);

      // the other bus kept polling all along
      int soil = gateway.linesMatching(l -> ReadingLine.isReading(l, "soil-01")).size();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> gateway.linesMatching(l -> ReadingLine.isReading(l, "soil-01")).size() > soil);
    }
  }

  private static KuraPayload read(FleetConsole console, String body) throws Exception {
    KuraPayload reply = console.call("ASSET-V1", "EXEC", "read", json(body));
    assertThat(code(reply)).as(message(reply)).isEqualTo(200);
    return reply;
  }

  private static void assertRefused(FleetConsole console, int expected, String channel, String why)
      throws Exception {
    KuraPayload reply =
        console.call(
            "ASSET-V1",
            "EXEC",
            "write",
            json("[{\"name\":\"all\",\"channels\":[" + channel + "]}]"));
    assertThat(code(reply)).as(channel).isEqualTo(expected);
    assertThat(message(reply)).contains(why);
  }

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The rig's site file with a second bus: the all-types device, polled once an hour; and an SOS
   * button (mock GPIO provider) pressed once, 8 s after the start (its pin is open by then: the
   * device attaches once the buffer is up).
   */
  private static Path withAllTypes(Path site, SocatPtyPair pty, Path dir)
      throws java.io.IOException {
    Path script = dir.resolve("sos.yaml");
    Files.writeString(script, "events:\n  - {at: 8s, pin: 22, set: low, for: 100ms, bounce: 3}\n");
    String text = Files.readString(site);
    text =
        text.replace(
                "devices:\n",
                "  - {id: rs485-2, type: serial, port: %s, baud: 19200}\ndevices:\n"
                        .formatted(pty.masterEnd())
                    + "  - {id: all, profile: test/all-types, bus: rs485-2, unit: 7, poll: 1h}\n"
                    + "  - {id: room-1-sos, profile: elderly-care/sos-button,"
                    + " gpio: {pin: 22, pull: up}, poll: 1s}\n")
            + "gpio: {provider: mock, script: "
            + script
            + "}\n";
    Files.writeString(site, text);
    return site;
  }

  private static String announcedApps(PlatformRig rig) {
    StringBuilder ids = new StringBuilder();
    for (ReceivedMessage m : rig.lifecycle.messages()) {
      if (m.topic().endsWith("/MQTT/BIRTH") || m.topic().endsWith("/MQTT/APPS")) {
        PlatformRig.decode(m).metric("application_ids").ifPresent(v -> ids.append(v).append(';'));
      }
    }
    return ids.toString();
  }
}
