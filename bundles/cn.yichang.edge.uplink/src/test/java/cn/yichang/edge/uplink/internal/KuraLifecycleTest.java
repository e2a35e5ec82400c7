package cn.yichang.edge.uplink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.kura.GatewayDescription;
import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.store.StoreHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class KuraLifecycleTest {

  private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

  private final FakeMessageStore store = new FakeMessageStore();
  private final KuraLifecycle lifecycle =
      new KuraLifecycle(
          "yichang",
          "gw-0001",
          () ->
              GatewayDescription.fromRunningSystem()
                  .displayName("gw-0001")
                  .firmwareVersion("0.1.0")
                  .applicationFrameworkVersion("0.1.0")
                  .applicationIds(List.of())
                  .build(),
          () -> Duration.ofMinutes(5),
          store,
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void birthOnTheControlTopicWithKurasMetricNames() {
    Lifecycle.Message birth = lifecycle.birth(PacketLimit.NONE).orElseThrow();
    assertThat(birth.topic()).isEqualTo("$EDC/yichang/gw-0001/MQTT/BIRTH");
    KuraPayload payload = KuraPayloadCodec.decode(birth.payload());
    assertThat(payload.timestamp()).isEqualTo(NOW);
    assertThat(payload.metrics())
        .filteredOn(m -> !m.name().startsWith("edge."))
        .allMatch(m -> m.value() instanceof String);
    assertThat(payload.metrics().stream().map(KuraMetric::name))
        .contains(
            "uptime",
            "display_name",
            "firmware_version",
            "os",
            "os_version",
            "jvm_name",
            "jvm_version",
            "application_framework",
            "application_framework_version",
            "application_ids",
            "available_processors",
            "total_memory",
            "accept_encoding",
            "payload_encoding");
    assertThat(payload.metric("uptime")).contains("300000");
    assertThat(payload.metric("display_name")).contains("gw-0001");
  }

  @Test
  void aBirthLargerThanTheBrokersLimitIsCutDownToItsEssentialsAndFits() {
    int full = lifecycle.birth(PacketLimit.NONE).orElseThrow().payload().length;
    PacketLimit artemis = new PacketLimit(512);
    assertThat(FakeBroker.packetSize("$EDC/yichang/gw-0001/MQTT/BIRTH", full, 1))
        .isGreaterThan(512);

    Lifecycle.Message birth = lifecycle.birth(artemis).orElseThrow();

    assertThat(FakeBroker.packetSize(birth.topic(), birth.payload().length, 1))
        .isLessThanOrEqualTo(512);
    KuraPayload payload = KuraPayloadCodec.decode(birth.payload());
    assertThat(payload.metrics().stream().map(KuraMetric::name))
        .contains("uptime", "display_name", "firmware_version", "application_ids");
    assertThat(payload.metric("display_name")).contains("gw-0001");
  }

  @Test
  void noBirthWhenNotEvenItsEssentialsFit() {
    assertThat(lifecycle.birth(new PacketLimit(60))).isEmpty();
  }

  @Test
  void everyBirthAndAppsSaysWhatTheStoreKnowsAtThatMoment() {
    KuraPayload clean =
        KuraPayloadCodec.decode(lifecycle.birth(PacketLimit.NONE).orElseThrow().payload());
    assertThat(clean.metric("edge.unclean_stop")).contains(false);
    assertThat(clean.metric("edge.lost")).contains(0L);
    assertThat(clean.metric("edge.last_commit")).isEmpty();

    Instant lastCommit = NOW.minusSeconds(90);
    store.history(new StoreHistory(12, 3, 2, true, lastCommit, "the gateway did not stop cleanly"));

    for (Lifecycle.Message m :
        List.of(
            lifecycle.birth(PacketLimit.NONE).orElseThrow(),
            lifecycle.apps(PacketLimit.NONE).orElseThrow(),
            lifecycle.birth(new PacketLimit(512)).orElseThrow())) {
      KuraPayload payload = KuraPayloadCodec.decode(m.payload());
      assertThat(payload.metric("edge.lost")).contains(12L);
      assertThat(payload.metric("edge.evicted")).contains(3L);
      assertThat(payload.metric("edge.set_aside")).contains(2L);
      assertThat(payload.metric("edge.unclean_stop")).contains(true);
      assertThat(payload.metric("edge.last_commit")).contains(lastCommit.toEpochMilli());
    }
  }

  @Test
  void dcAndWillOnTheirTopics() {
    Lifecycle.Message dc = lifecycle.disconnect();
    assertThat(dc.topic()).isEqualTo("$EDC/yichang/gw-0001/MQTT/DC");
    assertThat(KuraPayloadCodec.decode(dc.payload()).metrics())
        .containsExactly(
            new KuraMetric("uptime", "300000"), new KuraMetric("display_name", "gw-0001"));
    assertThat(lifecycle.will().topic()).isEqualTo("$EDC/yichang/gw-0001/MQTT/LWT");
  }
}
