package cn.yichang.edge.rig;

import cn.yichang.edge.sim.broker.PkiFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the site file the gateway runs on: the rig's buses and devices, its buffer and uplink. */
final class SiteFile {

  /** Short, so that a kill -9 loses little and the report's grace for it stays small. */
  static final String COMMIT_INTERVAL = "100ms";

  private SiteFile() {}

  static Path write(
      Path dir, Rig rig, List<SimulatedBus> buses, String brokerUrl, PkiFiles pki, Path stateDir)
      throws IOException {
    StringBuilder yaml = new StringBuilder();
    yaml.append("# written by test-rigs/run for ").append(rig.source()).append('\n');
    yaml.append("gateway: {id: ")
        .append(rig.gatewayId())
        .append(", account: ")
        .append(rig.account())
        .append("}\n");
    if (!rig.profileDirs().isEmpty()) {
      yaml.append("profile-dirs: [")
          .append(
              String.join(", ", rig.profileDirs().stream().map(p -> quote(p.toString())).toList()))
          .append("]\n");
    }
    yaml.append("buses:\n");
    for (SimulatedBus b : buses) {
      Rig.Bus bus = b.bus;
      yaml.append(
          String.format(
              "  - {id: %s, type: serial, port: %s, baud: %d, parity: %s, data-bits: %d, stop-bits: %d}%n",
              bus.id(),
              quote(b.gatewayPort().toString()),
              bus.baud(),
              bus.parity(),
              bus.dataBits(),
              bus.stopBits()));
    }
    yaml.append("devices:\n");
    for (Rig.Bus bus : rig.buses()) {
      for (Rig.Device d : bus.devices()) {
        yaml.append(
            String.format(
                "  - {id: %s, profile: %s, bus: %s,%s poll: %dms}%n",
                d.id(),
                d.profile(),
                bus.id(),
                d.modbus() ? " unit: " + d.unit() + "," : "",
                d.poll().toMillis()));
      }
    }
    if (rig.gpio() != null) {
      for (Rig.GpioDevice d : rig.gpio().devices()) {
        yaml.append(
            String.format(
                "  - {id: %s, profile: %s, gpio: {pin: %d%s}, poll: %dms}%n",
                d.id(),
                d.profile(),
                d.pin(),
                d.pull() == null ? "" : ", pull: " + d.pull(),
                d.poll().toMillis()));
      }
      yaml.append(
          String.format(
              "gpio: {provider: mock, script: %s, script-scale: %s}%n",
              quote(rig.gpio().script().toString()), rig.gpio().scriptScale()));
    }
    yaml.append("store:\n");
    yaml.append("  path: ").append(quote(stateDir.resolve("buffer.db").toString())).append('\n');
    yaml.append("  commit-interval: ").append(COMMIT_INTERVAL).append('\n');
    yaml.append("uplink:\n");
    yaml.append("  url: ").append(brokerUrl).append('\n');
    yaml.append("  app-id: ").append(Platform.APP_ID).append('\n');
    yaml.append("  reconnect-max: 2s\n");
    yaml.append(
        String.format(
            "  tls: {ca: %s, cert: %s, key: %s}%n",
            quote(pki.caCert().toString()),
            quote(pki.gateway().cert().toString()),
            quote(pki.gateway().key().toString())));
    Path site = dir.resolve("site.yaml");
    Files.writeString(site, yaml);
    return site;
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
