package cn.yichang.edge.kura;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every real Kura payload decodes, says what its name says, and comes back byte for byte when we
 * encode what we decoded.
 */
class KuraCapturesTest {

  private static final String REQUESTER = "KapuaPool-1486977008891-1471317731764829951";

  /** What each capture holds beyond decoding; a capture not listed gets the generic checks. */
  private static final Map<String, Consumer<KuraPayload>> CONTENT =
      Map.ofEntries(
          Map.entry("KapuaPool-client-id_ASSET-V1_READ_req-id_assets.mqtt", assetReply("\"123\"")),
          Map.entry(
              "KapuaPool-client-id_ASSET-V1_READ_req-id_assets_updated_assets.mqtt",
              assetReply("\"1233\"")),
          Map.entry(
              "KapuaPool-client-id_ASSET-V1_WRITE_req-id_assets.mqtt", assetReply("\"1233\"")),
          Map.entry("KapuaPool-client-id_CMD-V1_REPLY_req-id_command.mqtt", commandReply()),
          Map.entry("KapuaPool-client-id_CONF-V1_PUT_configurations.mqtt", emptyReply()),
          Map.entry(
              "KapuaPool-client-id_CONF-V1_REPLY_req-id_inital_configurations.mqtt",
              configurationsReply()),
          Map.entry(
              "KapuaPool-client-id_CONF-V1_REPLY_req-id_updated_configurations.mqtt",
              configurationsReply()),
          Map.entry("KapuaPool-client-id_DEPLOY-V2_EXEC_START_bundle_id.mqtt", emptyReply()),
          Map.entry("KapuaPool-client-id_DEPLOY-V2_EXEC_STOP_bundle_id.mqtt", emptyReply()),
          Map.entry(
              "KapuaPool-client-id_DEPLOY-V2_REPLY_req-id_bundles_inital_state.mqtt",
              xmlReply("<bundles>", "<name>org.eclipse.osgi</name>")),
          Map.entry(
              "KapuaPool-client-id_DEPLOY-V2_REPLY_req-id_bundles_updated_state.mqtt",
              xmlReply("<bundles>", "<state>")),
          Map.entry(
              "KapuaPool-client-id_DEPLOY-V2_REPLY_req-id_packages_initial_list.mqtt",
              xmlReply("<packages>", "org.eclipse.kura.example.beacon")),
          Map.entry(
              "KapuaPool-client-id_DEPLOY-V2_REPLY_req-id_packages_updated_list.mqtt",
              xmlReply("<packages>", "<package>")),
          Map.entry(
              "KapuaPoolClient-id_DEPLOY_V2_REPLY_package_list_after_uninstall.mqtt",
              xmlReply("<packages/>", "<packages/>")),
          Map.entry("rpione3_CMD-V1_EXEC_command.mqtt", commandRequest()),
          Map.entry("rpione3_CONF-V1_GET_configurations.mqtt", request()),
          Map.entry("rpione3_DEPLOY-V2_GET_bundles.mqtt", request()),
          Map.entry("rpione3_DEPLOY-V2_GET_packages.mqtt", request()),
          Map.entry("rpione3_MQTT_BIRTH.mqtt", birth()),
          Map.entry("rpione3_MQTT_DC.mqtt", dc()));

  @TestFactory
  Stream<DynamicTest> everyCaptureDecodesToWhatItsNameSays() {
    return KuraCaptures.mqttFiles().stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
  }

  @Test
  void everyCaptureWeDescribeIsThere() {
    List<String> present =
        KuraCaptures.mqttFiles().stream().map(f -> f.getFileName().toString()).toList();
    assertThat(present).containsAll(CONTENT.keySet());
  }

  private static void check(Path file) throws Exception {
    byte[] wire = Files.readAllBytes(file);
    KuraPayload strict = KuraPayloadCodec.decodeStrict(wire);
    assertThat(KuraPayloadCodec.decode(wire)).isEqualTo(strict);
    assertThat(strict.metrics()).isNotEmpty();

    // Kura writes fields in field-number order, as we do: the same content gives the same bytes.
    assertThat(KuraPayloadCodec.encode(strict)).isEqualTo(uncompressed(wire));
    assertThat(KuraPayloadCodec.decode(KuraPayloadCodec.encodeForWire(strict))).isEqualTo(strict);

    String name = file.getFileName().toString();
    if (KuraPayloadCodec.isGzip(wire)) {
      assertThat(KuraPayloadCodec.encodeForWire(strict)).startsWith(0x1f, 0x8b);
    }
    CONTENT.getOrDefault(name, payload -> {}).accept(strict);
  }

  private static byte[] uncompressed(byte[] wire) throws IOException {
    if (!KuraPayloadCodec.isGzip(wire)) {
      return wire;
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(wire))) {
      return in.readAllBytes();
    }
  }

  private static Consumer<KuraPayload> emptyReply() {
    return p -> {
      assertThat(p.metric("response.code")).contains(200);
      assertThat(p.timestamp()).isNotNull();
    };
  }

  private static Consumer<KuraPayload> assetReply(String value) {
    return emptyReply()
        .andThen(p -> assertThat(body(p)).startsWith("[{\"name\":\"asset1\"").contains(value));
  }

  private static Consumer<KuraPayload> xmlReply(String root, String content) {
    return emptyReply()
        .andThen(p -> assertThat(body(p)).startsWith("<?xml").contains(root, content));
  }

  private static Consumer<KuraPayload> configurationsReply() {
    return xmlReply("esf:configurations", "xmlns:esf=\"http://eurotech.com/esf/2.0\"")
        .andThen(p -> assertThat(body(p)).contains("<esf:configuration ", "esf:property"));
  }

  private static Consumer<KuraPayload> commandReply() {
    return emptyReply()
        .andThen(
            p -> {
              assertThat(p.metric("command.exit.code")).contains(0);
              assertThat(p.metric("command.timedout")).contains(false);
              assertThat((String) p.metric("command.stdout").orElseThrow())
                  .contains("hsperfdata_root");
            });
  }

  private static Consumer<KuraPayload> request() {
    return p -> {
      assertThat(p.metric("requester.client.id")).contains(REQUESTER);
      assertThat(p.metric("request.id")).get().isInstanceOf(String.class);
    };
  }

  private static Consumer<KuraPayload> commandRequest() {
    return request()
        .andThen(
            p -> {
              assertThat(p.metric("command.command")).contains("ls");
              assertThat(p.metric("command.timeout")).contains(60);
              assertThat(p.metric("command.run.async")).contains(false);
              assertThat(p.body()).isEmpty();
            });
  }

  private static Consumer<KuraPayload> birth() {
    return p -> {
      assertThat(p.metric("display_name")).contains("rpione3");
      assertThat(p.metric("uptime")).contains("3593060");
      assertThat(p.metric("application_ids")).contains("CMD-V1,DEPLOY-V2,BLE_APP_V1,CONF-V1,myapp");
      assertThat(p.metric("kura_version")).contains("KURA_2.1.0");
      assertThat(p.metrics()).hasSize(23).allMatch(m -> m.value() instanceof String);
      assertThat(p.position().latitude()).isEqualTo(46.06341);
      assertThat(p.position().longitude()).isEqualTo(14.566554);
      assertThat(p.position().altitude()).isEqualTo(286.0);
      assertThat(p.timestamp()).isNull();
    };
  }

  private static Consumer<KuraPayload> dc() {
    return p ->
        assertThat(p.metrics())
            .containsExactly(
                new KuraMetric("display_name", "rpione3"), new KuraMetric("uptime", "3687640"));
  }

  private static String body(KuraPayload payload) {
    return new String(payload.body(), StandardCharsets.UTF_8);
  }
}
