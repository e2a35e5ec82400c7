package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.sim.broker.ReceivedMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real distribution forwards readings of a pymodbus device to a real Mosquitto over TLS with
 * client certificates, in Kura's wire format, with BIRTH on connection and DC on a clean stop.
 */
class UplinkIT {
  private static final String DATA_TOPIC = "yichang/yc-it-0100/sensors/soil-01";

  @TempDir Path dir;

  @Test
  void readingsArriveDecodedAndCompleteInKuraFormat() throws Exception {
    try (PlatformRig rig = new PlatformRig(dir);
        GatewayProcess gateway =
            GatewayProcess.start("run", "--config", rig.siteFile("500ms", "").toString())) {

      List<ReceivedMessage> data = rig.data.awaitCount(5, Duration.ofSeconds(60));
      ReceivedMessage birth = rig.lifecycle.awaitCount(1, Duration.ofSeconds(10)).get(0);

      assertThat(birth.topic()).isEqualTo("$EDC/yichang/yc-it-0100/MQTT/BIRTH");
      assertThat(PlatformRig.decode(birth).metric("application_framework")).contains("Sanxia Edge");
      assertThat(PlatformRig.decode(birth).metric("display_name")).isPresent();
      // TestPki's certificates expire within 30 days: a warning in the log and in BIRTH
      assertThat((String) PlatformRig.decode(birth).metric("extended_properties").orElseThrow())
          .contains("\"Certificate\":{\"expires\":")
          .contains("renew the gateway certificate");
      gateway.awaitLine(
          l -> l.contains("WARN") && l.contains("gateway certificate CN=yc-it-0100"),
          Duration.ofSeconds(10));
      long previousSeq = -1;
      for (ReceivedMessage m : data) {
        assertThat(m.topic()).isEqualTo(DATA_TOPIC);
        KuraPayload p = PlatformRig.decode(m);
        assertThat(p.timestamp()).isNotNull();
        assertThat(p.metric("moisture")).contains(31.2);
        assertThat(p.metric("temperature")).contains(18.5);
        assertThat(p.metric("conductivity")).contains(412L);
        long seq = (Long) p.metric("edge.seq").orElseThrow();
        if (previousSeq >= 0) {
          assertThat(seq).isEqualTo(previousSeq + 1);
        }
        previousSeq = seq;
      }

      assertThat(gateway.terminate()).isZero();
      rig.lifecycle.awaitCount(2, Duration.ofSeconds(10));
      assertThat(rig.lifecycle.messages())
          .extracting(ReceivedMessage::topic)
          .contains("$EDC/yichang/yc-it-0100/MQTT/DC");
    }
  }
}
