package cn.yichang.edge.kura;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LifecyclePayloadsTest {

  private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
  private static final Duration UPTIME = Duration.ofMinutes(60).plusMillis(7);

  /** A gateway with every field known, as a Raspberry Pi running Sanxia Edge would report. */
  static GatewayDescription fullDescription() {
    return GatewayDescription.builder()
        .displayName("gw-yichang-01")
        .modelName("Raspberry Pi 4 Model B Rev 1.4")
        .modelId("raspberrypi,4-model-b")
        .partNumber("SX-GW-4")
        .serialNumber("10000000a1b2c3d4")
        .firmwareVersion("0.1.0")
        .biosVersion("N/A")
        .cpuVersion("ARMv7 Processor rev 3 (v7l)")
        .os("Linux")
        .osVersion("6.1.0-rpi7-rpi-v8 #1 SMP PREEMPT Debian 1:6.1.63-1+rpt1")
        .osArch("aarch64")
        .jvmName("OpenJDK 64-Bit Server VM")
        .jvmVersion("17.0.15+6-Debian-1deb12u1 mixed mode, sharing")
        .jvmProfile("OpenJDK Runtime Environment 17.0.15+6-Debian-1deb12u1")
        .jvmVendor("Debian")
        .jdkVendorVersion("Debian-1deb12u1")
        .applicationFrameworkVersion("0.1.0")
        .osgiFramework("Apache Software Foundation")
        .osgiFrameworkVersion("1.10")
        .applicationIds(List.of("CONF-V1", "CMD-V1", "DEPLOY-V2"))
        .availableProcessors(4)
        .totalMemoryKb(49_152L)
        .connectionInterface("eth0 (B8:27:EB:BC:98:B1)")
        .connectionIp("10.19.40.104")
        .acceptEncoding("gzip")
        .payloadEncoding("KURA_PROTOBUF")
        .extendedProperties("{\"version\":\"1.0\",\"properties\":{}}")
        .position(new KuraPosition(30.69, 111.29, 60.0, null, null, null, null, null, null))
        .build();
  }

  @Test
  void ourBirthCarriesEveryMetricOfKurasRealBirthButKuraVersion() throws Exception {
    KuraPayload kuras = KuraPayloadCodec.decodeStrict(KuraCaptures.read("rpione3_MQTT_BIRTH.mqtt"));

    KuraPayload ours = LifecyclePayloads.birth(fullDescription(), UPTIME, NOW);

    Set<String> kuraNames = names(kuras);
    kuraNames.remove("kura_version");
    assertThat(names(ours)).containsAll(kuraNames);
    assertThat(ours.metrics()).allMatch(m -> m.value() instanceof String);
    assertThat(kuras.metrics()).allMatch(m -> m.value() instanceof String);
    assertThat(ours.metric("kura_version")).isEmpty();
    assertThat(ours.position()).isNotNull();
  }

  @Test
  void birthMetricsComeInKurasOrderWithKurasMeaning() {
    KuraPayload birth = LifecyclePayloads.birth(fullDescription(), UPTIME, NOW);

    assertThat(birth.metrics())
        .extracting(KuraMetric::name)
        .containsExactly(
            "uptime",
            "display_name",
            "model_name",
            "model_id",
            "part_number",
            "serial_number",
            "firmware_version",
            "bios_version",
            "cpu_version",
            "os",
            "os_version",
            "jvm_name",
            "jvm_version",
            "jvm_profile",
            "application_framework",
            "application_framework_version",
            "connection_interface",
            "connection_ip",
            "accept_encoding",
            "application_ids",
            "available_processors",
            "total_memory",
            "os_arch",
            "osgi_framework",
            "osgi_framework_version",
            "payload_encoding",
            "jvm_vendor",
            "jdk_vendor_version",
            "extended_properties");
    assertThat(birth.metric("uptime")).contains("3600007");
    assertThat(birth.metric("application_framework")).contains("Sanxia Edge");
    assertThat(birth.metric("application_ids")).contains("CONF-V1,CMD-V1,DEPLOY-V2");
    assertThat(birth.metric("available_processors")).contains("4");
    assertThat(birth.metric("total_memory")).contains("49152");
    assertThat(birth.timestamp()).isEqualTo(NOW);
  }

  @Test
  void unknownFieldsAreLeftOutOfTheBirth() {
    GatewayDescription minimal = GatewayDescription.builder().displayName("gw").build();

    KuraPayload birth = LifecyclePayloads.birth(minimal, Duration.ZERO, NOW);

    assertThat(birth.metrics())
        .containsExactly(
            new KuraMetric("uptime", "0"),
            new KuraMetric("display_name", "gw"),
            new KuraMetric("application_framework", "Sanxia Edge"),
            new KuraMetric("application_ids", ""));
    assertThat(birth.position()).isNull();
  }

  @Test
  void birthEndsWithTheBuffersFactsInTheirTypes() throws Exception {
    Instant lastCommit = Instant.parse("2026-06-01T07:42:13.250Z");
    BufferFacts facts = new BufferFacts(37, 5, 2, true, lastCommit);

    KuraPayload birth = LifecyclePayloads.birth(fullDescription(), UPTIME, NOW, facts);

    List<KuraMetric> metrics = birth.metrics();
    assertThat(metrics.subList(0, metrics.size() - 5))
        .isEqualTo(LifecyclePayloads.birth(fullDescription(), UPTIME, NOW).metrics());
    assertThat(metrics.subList(metrics.size() - 5, metrics.size()))
        .containsExactly(
            new KuraMetric("edge.lost", 37L),
            new KuraMetric("edge.evicted", 5L),
            new KuraMetric("edge.set_aside", 2L),
            new KuraMetric("edge.unclean_stop", true),
            new KuraMetric("edge.last_commit", 1_780_299_733_250L));
    // INT64, INT64, INT64, BOOL, INT64 on the wire: the strict decoder gives back the same Java
    // types
    KuraPayload decoded = KuraPayloadCodec.decodeStrict(KuraPayloadCodec.encodeForWire(birth));
    assertThat(decoded.metric("edge.lost")).containsInstanceOf(Long.class);
    assertThat(decoded.metric("edge.evicted")).containsInstanceOf(Long.class);
    assertThat(decoded.metric("edge.set_aside")).containsInstanceOf(Long.class);
    assertThat(decoded.metric("edge.unclean_stop")).contains(Boolean.TRUE);
    assertThat(decoded.metric("edge.last_commit")).contains(lastCommit.toEpochMilli());
    assertThat(LifecyclePayloads.apps(fullDescription(), UPTIME, NOW, facts)).isEqualTo(birth);
    // a BIRTH cut down to a small packet limit keeps them: they are why the platform reads BIRTH
    KuraPayload cut = LifecyclePayloads.within(birth, 400).orElseThrow();
    assertThat(cut.metrics()).hasSizeLessThan(metrics.size());
    assertThat(cut.metrics()).containsAll(metrics.subList(metrics.size() - 5, metrics.size()));
  }

  @Test
  void aCleanStartSaysSoAndHasNoLastCommit() {
    KuraPayload birth =
        LifecyclePayloads.birth(
            fullDescription(), UPTIME, NOW, new BufferFacts(0, 0, 0, false, null));

    assertThat(birth.metric("edge.unclean_stop")).contains(Boolean.FALSE);
    assertThat(birth.metric("edge.lost")).contains(0L);
    assertThat(birth.metric("edge.set_aside")).contains(0L);
    assertThat(birth.metric("edge.evicted")).contains(0L);
    assertThat(birth.metric("edge.last_commit")).isEmpty();
  }

  @Test
  void appsIsTheBirthPayload() {
    assertThat(LifecyclePayloads.apps(fullDescription(), UPTIME, NOW))
        .isEqualTo(LifecyclePayloads.birth(fullDescription(), UPTIME, NOW));
  }

  @Test
  void dcCarriesUptimeAndDisplayNameAsKurasRealDc() throws Exception {
    KuraPayload kuras = KuraPayloadCodec.decodeStrict(KuraCaptures.read("rpione3_MQTT_DC.mqtt"));

    KuraPayload ours = LifecyclePayloads.dc(fullDescription(), UPTIME, NOW);

    assertThat(names(ours)).isEqualTo(names(kuras));
    assertThat(ours.metrics())
        .containsExactly(
            new KuraMetric("uptime", "3600007"), new KuraMetric("display_name", "gw-yichang-01"));
  }

  @Test
  void lwtNamesTheGatewayAndWhenItConnected() {
    KuraPayload lwt = LifecyclePayloads.lwt(fullDescription(), NOW);

    assertThat(lwt.metrics()).containsExactly(new KuraMetric("display_name", "gw-yichang-01"));
    assertThat(lwt.timestamp()).isEqualTo(NOW);
  }

  @Test
  void lifecyclePayloadsSurviveTheWire() {
    KuraPayload birth = LifecyclePayloads.birth(fullDescription(), UPTIME, NOW);

    assertThat(KuraPayloadCodec.decode(KuraPayloadCodec.encodeForWire(birth))).isEqualTo(birth);
  }

  private static Set<String> names(KuraPayload payload) {
    return payload.metrics().stream().map(KuraMetric::name).collect(Collectors.toSet());
  }
}
