package cn.yichang.edge.rig;

import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.sim.broker.BrokerOptions;
import cn.yichang.edge.sim.broker.MosquittoBroker;
import cn.yichang.edge.sim.broker.PkiFiles;
import cn.yichang.edge.sim.broker.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The platform side of a rig: a TLS Mosquitto with fresh certificates (requiring client
 * certificates, sessions kept across its restarts) and two subscribers, one on the gateway's data
 * topics and one on its Kura lifecycle topics ({@code $EDC/...}, which {@code #} does not match).
 */
final class Platform implements AutoCloseable {

  static final String APP_ID = "sensors";

  final PkiFiles pki;
  final MosquittoBroker broker;
  private final PlatformSubscriber data;
  private final PlatformSubscriber lifecycle;
  private final String dataPrefix;

  /** A data message, decoded. */
  record Delivery(String device, long seq, Instant acquiredAt, Instant receivedAt) {}

  private Platform(
      PkiFiles pki,
      MosquittoBroker broker,
      PlatformSubscriber data,
      PlatformSubscriber lifecycle,
      String dataPrefix) {
    this.pki = pki;
    this.broker = broker;
    this.data = data;
    this.lifecycle = lifecycle;
    this.dataPrefix = dataPrefix;
  }

  static Platform start(Path dir, String account, String gatewayId)
      throws IOException, MqttException {
    PkiFiles pki = TestPki.generate(dir.resolve("pki"), gatewayId);
    MosquittoBroker broker =
        MosquittoBroker.start(pki, BrokerOptions.tlsOnly().withSessionsKeptAcrossRestarts());
    List<AutoCloseable> started = new ArrayList<>(List.of(broker));
    try {
      String prefix = account + "/" + gatewayId + "/" + APP_ID + "/";
      PlatformSubscriber data =
          PlatformSubscriber.connect(broker.tlsUrl(), pki.caCert(), pki.subscriber(), prefix + "#");
      started.add(data);
      PlatformSubscriber lifecycle =
          PlatformSubscriber.connect(
              broker.tlsUrl(),
              pki.caCert(),
              pki.subscriber(),
              "$EDC/" + account + "/" + gatewayId + "/#");
      return new Platform(pki, broker, data, lifecycle, prefix);
    } catch (IOException | MqttException | RuntimeException e) {
      for (AutoCloseable c : started) {
        closeQuietly(c);
      }
      throw e;
    }
  }

  /** Every data message received so far, decoded, in arrival order (duplicates included). */
  List<Delivery> deliveries() {
    List<Delivery> result = new ArrayList<>();
    for (PlatformSubscriber.Received m : data.messages()) {
      KuraPayload p = KuraPayloadCodec.decode(m.payload());
      Object seq = p.metric("edge.seq").orElse(-1L);
      result.add(
          new Delivery(
              m.topic().substring(dataPrefix.length()),
              ((Number) seq).longValue(),
              p.timestamp(),
              m.receivedAt()));
    }
    return result;
  }

  /** Writes every data message as {@code device,seq,acquired,received}, for a closer look. */
  void writeCsv(Path file) throws IOException {
    List<String> lines = new ArrayList<>(List.of("device,seq,acquired,received"));
    for (Delivery d : deliveries()) {
      lines.add(d.device() + "," + d.seq() + "," + d.acquiredAt() + "," + d.receivedAt());
    }
    Files.write(file, lines);
  }

  /** How many lifecycle messages arrived on topics ending with {@code /suffix} (BIRTH, DC, LWT). */
  long lifecycleCount(String suffix) {
    return lifecycle.messages().stream().filter(m -> m.topic().endsWith("/" + suffix)).count();
  }

  @Override
  public void close() {
    closeQuietly(lifecycle);
    closeQuietly(data);
    closeQuietly(broker);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      System.err.println("rig: closing " + c + ": " + e);
    }
  }
}
