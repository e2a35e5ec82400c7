package cn.yichang.edge.distrib;

import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.sim.SocatPtyPair;
import cn.yichang.edge.sim.broker.BrokerOptions;
import cn.yichang.edge.sim.broker.BrokerSubscriber;
import cn.yichang.edge.sim.broker.MosquittoBroker;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.ReceivedMessage;
import cn.yichang.edge.sim.broker.TestPki;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform side of an uplink test: a TLS Mosquitto requiring client certificates, subscribers
 * to the gateway's data and lifecycle topics, and a soil probe (pymodbus) on a pty for the gateway
 * to read.
 */
final class PlatformRig implements AutoCloseable {
  static final String GATEWAY = "yc-it-0100";
  static final String ACCOUNT = "yichang";

  final Path dir;
  final PkiFiles pki;
  final MosquittoBroker broker;
  final BrokerSubscriber data;
  final BrokerSubscriber lifecycle;
  final SocatPtyPair pty;
  final PythonModbusDevice soil;

  /** The soil probe reads 31.2 %, 18.5 Cel and 412 uS/cm. */
  static final String[] SOIL = {"--unit", "1", "--holding", "0=312,1=185,2=412"};

  PlatformRig(Path dir) throws Exception {
    this(dir, SOIL);
  }

  /**
   * @param soilArgs the soil probe's registers (pymodbus_device.py's arguments after the port)
   */
  PlatformRig(Path dir, String... soilArgs) throws Exception {
    this.dir = dir;
    List<AutoCloseable> started = new ArrayList<>();
    try {
      pki = TestPki.generate(dir.resolve("pki"), GATEWAY);
      broker = MosquittoBroker.start(pki, BrokerOptions.tlsOnly().withSessionsKeptAcrossRestarts());
      started.add(broker);
      data = BrokerSubscriber.connect(broker, pki, ACCOUNT + "/" + GATEWAY + "/#");
      started.add(data);
      lifecycle = BrokerSubscriber.connect(broker, pki, "$EDC/" + ACCOUNT + "/" + GATEWAY + "/#");
      started.add(lifecycle);
      pty = SocatPtyPair.start(dir);
      started.add(pty);
      soil = PythonModbusDevice.start(pty.deviceEnd(), 9600, soilArgs);
    } catch (Exception e) {
      for (AutoCloseable c : started) {
        c.close();
      }
      throw e;
    }
  }

  /** A site file polling the soil probe every {@code poll} and forwarding to the broker. */
  Path siteFile(String poll, String extraUplink) throws IOException {
    return siteFile(poll, extraUplink, dir.resolve("state/buffer.db"));
  }

  /** The same with the buffer file at {@code store} (on a small file system, say). */
  Path siteFile(String poll, String extraUplink, Path store) throws IOException {
    return siteFile(poll, extraUplink, store, 64);
  }

  /** The same with the buffer file at {@code store}, kept under {@code maxMb}. */
  Path siteFile(String poll, String extraUplink, Path store, int maxMb) throws IOException {
    return SiteFiles.write(
        dir,
        """
        gateway: {id: %s, account: %s}
        buses:
          - {id: rs485-1, type: serial, port: %s, baud: 9600}
        devices:
          - {id: soil-01, profile: agriculture/soil-3in1, bus: rs485-1, unit: 1, poll: %s}
        store: {path: %s, commit-interval: 100ms, max-mb: %d}
        uplink:
          url: %s
          tls: {ca: %s, cert: %s, key: %s}
        %s
        """
            .formatted(
                GATEWAY,
                ACCOUNT,
                pty.masterEnd(),
                poll,
                store,
                maxMb,
                broker.tlsUrl(),
                pki.caCert(),
                pki.gateway().cert(),
                pki.gateway().key(),
                extraUplink.isEmpty() ? "" : "  " + extraUplink));
  }

  static KuraPayload decode(ReceivedMessage message) {
    return KuraPayloadCodec.decode(message.payload());
  }

  @Override
  public void close() throws Exception {
    soil.close();
    pty.close();
    lifecycle.close();
    data.close();
    broker.close();
  }
}
