package cn.yichang.edge.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The gateway's site file for the demo rig: its buses, its devices and the demo broker. */
final class SiteFile {

  static final Duration POLL = Duration.ofSeconds(1);

  private SiteFile() {}

  /**
   * @param gatewayPorts the gateway's end of each bus's pty pair, by bus id
   */
  static String render(DemoRig rig, Map<String, Path> gatewayPorts, String brokerUrl) {
    StringBuilder s = new StringBuilder();
    s.append("# Written by bin/sanxia-edge demo for one run; deleted when the demo stops.\n");
    s.append("gateway: {id: %s, account: %s}\n".formatted(DemoRig.GATEWAY_ID, DemoRig.ACCOUNT));
    s.append("buses:\n");
    for (DemoRig.Bus bus : rig.buses()) {
      s.append(
          "  - {id: %s, type: serial, port: %s, baud: %d}\n"
              .formatted(bus.id(), gatewayPorts.get(bus.id()), bus.baud()));
    }
    s.append("devices:\n");
    for (DemoRig.Bus bus : rig.buses()) {
      for (DemoRig.Device d : bus.devices()) {
        s.append(
            "  - {id: %s, profile: %s, bus: %s,%s poll: %ds}\n"
                .formatted(
                    d.id(),
                    d.profile(),
                    bus.id(),
                    d.modbus() ? " unit: " + d.unit() + "," : "",
                    POLL.toSeconds()));
      }
    }
    s.append("store: {commit-interval: 100ms}\n");
    s.append("uplink:\n");
    s.append("  url: %s\n".formatted(brokerUrl));
    s.append(
        "  # Plaintext on purpose: the demo's broker listens on 127.0.0.1 only and lives as\n");
    s.append("  # long as the demo. A real platform is ssl:// with client certificates.\n");
    s.append("  allow-plaintext: true\n");
    s.append(
        "  protocol: mqtt3            # the embedded broker (Moquette 0.17) speaks MQTT 3.1.1\n");
    s.append("  app-id: %s\n".formatted(DemoRig.APP_ID));
    return s.toString();
  }

  static Path write(Path dir, DemoRig rig, Map<String, Path> gatewayPorts, String brokerUrl)
      throws IOException {
    return Files.writeString(dir.resolve("site.yaml"), render(rig, gatewayPorts, brokerUrl));
  }
}
