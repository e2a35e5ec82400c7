package cn.yichang.edge.remote.internal.asset;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.reading.Asset;
import cn.yichang.edge.reading.Asset.Channel;
import cn.yichang.edge.reading.Asset.ValueType;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.remote.Request;
import cn.yichang.edge.remote.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AssetAppTest {

  /** An asset in memory: values by channel, a write refused by "the device" when asked to. */
  static final class FakeAsset implements Asset {
    final String id;
    final List<Channel> channels;
    final Map<String, Object> values = new LinkedHashMap<>();
    final List<String> writes = new ArrayList<>();
    Instant readAt = Instant.ofEpochMilli(1572343340242L);
    String readError;
    String refuseWrites;

    FakeAsset(String id, Channel... channels) {
      this.id = id;
      this.channels = List.of(channels);
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public List<Channel> channels() {
      return channels;
    }

    @Override
    public CompletableFuture<ReadingSet> readNow() {
      if (readError != null) {
        return CompletableFuture.failedFuture(new IOException(readError));
      }
      List<PointReading> points = new ArrayList<>();
      for (Channel c : channels) {
        Object v = values.get(c.name());
        points.add(
            v == null
                ? PointReading.failed(c.name(), "", "timeout")
                : PointReading.of(c.name(), v, "", false));
      }
      return CompletableFuture.completedFuture(new ReadingSet(id, readAt, points));
    }

    @Override
    public void checkWrite(String channel, Object value) {
      Channel c = channels.stream().filter(x -> x.name().equals(channel)).findFirst().orElseThrow();
      if (c.max() != null && ((Number) value).doubleValue() > c.max()) {
        throw new IllegalArgumentException(channel + ": " + value + " is outside ..." + c.max());
      }
    }

    @Override
    public CompletableFuture<Void> write(String channel, Object value) {
      checkWrite(channel, value);
      if (refuseWrites != null) {
        return CompletableFuture.failedFuture(new IOException(refuseWrites));
      }
      writes.add(channel + "=" + value);
      values.put(channel, value);
      return CompletableFuture.completedFuture(null);
    }
  }

  private final FakeAsset asset1 =
      new FakeAsset("asset1", new Channel("channel1", ValueType.INTEGER, true, null, 5000.0));
  private final FakeAsset boiler =
      new FakeAsset(
          "boiler",
          new Channel("temperature", ValueType.DOUBLE, false, null, null),
          new Channel("setpoint", ValueType.DOUBLE, true, 5.0, 30.0),
          new Channel("relay", ValueType.BOOLEAN, true, null, null),
          new Channel("label", ValueType.STRING, false, null, null));
  private AssetApp app = app(Clock.systemUTC());

  private AssetApp app(Clock clock) {
    AssetApp app = new AssetApp(Duration.ofSeconds(5), clock);
    app.addAsset(asset1);
    app.addAsset(boiler);
    return app;
  }

  AssetAppTest() {
    asset1.values.put("channel1", 123L);
    boiler.values.put("temperature", 21.5);
    boiler.values.put("setpoint", 20.0);
    boiler.values.put("relay", false);
    boiler.values.put("label", "B-1");
  }

  @Test
  void aReadAnswersAsKuraDoesInTheCapture() throws Exception {
    Response r = app.handle(request("EXEC", "read", "[{\"name\":\"asset1\"}]"));

    assertThat(r.code()).isEqualTo(200);
    assertThat(Json.parse(text(r)))
        .isEqualTo(Json.parse(capture("KapuaPool-client-id_ASSET-V1_READ_req-id_assets.mqtt")));
  }

  @Test
  void aWriteAnswersAsKuraDoesInTheCapture() throws Exception {
    app = app(Clock.fixed(Instant.ofEpochMilli(1572344525488L), ZoneOffset.UTC));

    Response r =
        app.handle(
            request(
                "EXEC",
                "write",
                "[{\"name\":\"asset1\",\"channels\":[{\"name\":\"channel1\",\"type\":\"INTEGER\","
                    + "\"value\":\"1233\"}]}]"));

    assertThat(r.code()).isEqualTo(200);
    assertThat(Json.parse(text(r)))
        .isEqualTo(Json.parse(capture("KapuaPool-client-id_ASSET-V1_WRITE_req-id_assets.mqtt")));
    assertThat(asset1.writes).containsExactly("channel1=1233");
    // ... and a read that follows sees it, as in the "updated" capture.
    asset1.readAt = Instant.ofEpochMilli(1572344526031L);
    assertThat(Json.parse(text(app.handle(request("EXEC", "read", "[{\"name\":\"asset1\"}]")))))
        .isEqualTo(
            Json.parse(
                capture("KapuaPool-client-id_ASSET-V1_READ_req-id_assets_updated_assets.mqtt")));
  }

  @Test
  void listsAssetsWithChannelTypesAndModes() throws Exception {
    Response r = app.handle(request("GET", "assets", null));

    assertThat(r.code()).isEqualTo(200);
    assertThat(text(r))
        .isEqualTo(
            "[{\"name\":\"asset1\",\"channels\":[{\"name\":\"channel1\",\"type\":\"INTEGER\","
                + "\"mode\":\"READ_WRITE\"}]},"
                + "{\"name\":\"boiler\",\"channels\":["
                + "{\"name\":\"temperature\",\"type\":\"DOUBLE\",\"mode\":\"READ\"},"
                + "{\"name\":\"setpoint\",\"type\":\"DOUBLE\",\"mode\":\"READ_WRITE\"},"
                + "{\"name\":\"relay\",\"type\":\"BOOLEAN\",\"mode\":\"READ_WRITE\"},"
                + "{\"name\":\"label\",\"type\":\"STRING\",\"mode\":\"READ\"}]}]");
    assertThat(text(app.handle(request("GET", "assets", "[{\"name\":\"asset1\"}]"))))
        .startsWith("[{\"name\":\"asset1\"")
        .doesNotContain("boiler");
  }

  @Test
  void readsTheRequestedChannelsWithValuesAndErrors() throws Exception {
    boiler.values.remove("setpoint"); // the device did not answer for it

    Response r =
        app.handle(
            request(
                "EXEC",
                "read",
                "[{\"name\":\"boiler\",\"channels\":[{\"name\":\"relay\"},{\"name\":\"setpoint\"},"
                    + "{\"name\":\"label\"}]}]"));

    assertThat(r.code()).isEqualTo(200);
    assertThat(text(r))
        .isEqualTo(
            "[{\"name\":\"boiler\",\"channels\":["
                + "{\"name\":\"setpoint\",\"type\":\"DOUBLE\",\"error\":\"timeout\","
                + "\"timestamp\":1572343340242},"
                + "{\"name\":\"relay\",\"type\":\"BOOLEAN\",\"value\":\"false\","
                + "\"timestamp\":1572343340242},"
                + "{\"name\":\"label\",\"type\":\"STRING\",\"value\":\"B-1\","
                + "\"timestamp\":1572343340242}]}]");
  }

  @Test
  void withoutABodyEveryAssetIsRead() throws Exception {
    Object all = Json.parse(text(app.handle(request("EXEC", "read", null))));

    assertThat(all).asList().hasSize(2);
    assertThat(text(app.handle(request("EXEC", "read", "")))).contains("\"21.5\"", "\"123\"");
  }

  @Test
  void anAssetThatCannotBeReadReportsTheReasonOnEachChannel() throws Exception {
    boiler.readError = "the line /dev/ttyUSB0 is not open";

    String json = text(app.handle(request("EXEC", "read", "[{\"name\":\"boiler\"}]")));

    assertThat(json.split("the line /dev/ttyUSB0 is not open", -1)).hasSize(5);
  }

  @Test
  void writesNumbersAndBooleansGivenAsTextOrJson() throws Exception {
    Response r =
        app.handle(
            request(
                "EXEC",
                "write",
                "[{\"name\":\"boiler\",\"channels\":[{\"name\":\"setpoint\",\"type\":\"DOUBLE\","
                    + "\"value\":\"22.5\"},{\"name\":\"relay\",\"value\":true}]}]"));

    assertThat(r.code()).isEqualTo(200);
    assertThat(boiler.writes).containsExactly("setpoint=22.5", "relay=true");
    assertThat(text(r)).contains("\"value\":\"22.5\"", "\"value\":\"true\"");
  }

  @Test
  void aWriteTheDeviceRefusesIsThatChannelsError() throws Exception {
    boiler.refuseWrites = "exception 2 (illegal data address)";

    Response r =
        app.handle(
            request(
                "EXEC",
                "write",
                "[{\"name\":\"boiler\",\"channels\":[{\"name\":\"relay\",\"value\":\"true\"}]}]"));

    assertThat(r.code()).isEqualTo(200);
    assertThat(text(r)).contains("\"error\":\"exception 2 (illegal data address)\"");
  }

  @Test
  void refusesBadWritesWith400AndWritesNothing() throws Exception {
    String valid = "{\"name\":\"setpoint\",\"value\":\"20\"}";
    assertRefused(
        "[{\"name\":\"boiler\",\"channels\":["
            + valid
            + ",{\"name\":\"temperature\",\"value\":1}]}]",
        "[0].channels[1]: temperature of boiler is not writable");
    assertRefused(
        "[{\"name\":\"boiler\",\"channels\":[" + valid + ",{\"name\":\"pressure\",\"value\":1}]}]",
        "[0].channels[1]: unknown channel pressure of boiler");
    assertRefused(
        "[{\"name\":\"boiler\",\"channels\":["
            + valid
            + ",{\"name\":\"relay\",\"value\":\"on\"}]}]",
        "[0].channels[1]: relay is BOOLEAN: \"on\" is not true or false");
    assertRefused(
        "[{\"name\":\"asset1\",\"channels\":[{\"name\":\"channel1\",\"value\":\"12.5\"}]}]",
        "[0].channels[0]: channel1 is INTEGER: \"12.5\" is not an integer");
    assertRefused(
        "[{\"name\":\"asset1\",\"channels\":[{\"name\":\"channel1\",\"type\":\"BOOLEAN\","
            + "\"value\":\"true\"}]}]",
        "[0].channels[0]: channel1 is INTEGER, not BOOLEAN");
    assertRefused(
        "[{\"name\":\"asset1\",\"channels\":[{\"name\":\"channel1\",\"value\":\"6000\"}]}]",
        "[0].channels[0]: channel1: 6000 is outside ...5000.0");
    assertRefused(
        "[{\"name\":\"asset1\",\"channels\":[{\"name\":\"channel1\"}]}]",
        "[0].channels[0]: \"value\" missing");
    assertRefused("[{\"name\":\"asset1\"}]", "[0]: \"channels\" missing: what to write");
    assertRefused(null, "EXEC write needs a body: [{\"name\": asset, \"channels\": ...}]");
    assertThat(boiler.writes).isEmpty();
    assertThat(asset1.writes).isEmpty();
  }

  @Test
  void malformedRequestsGet400AndUnknownAssetsOrResources404() throws Exception {
    assertThat(app.handle(request("EXEC", "read", "[{\"name\":\"asset1\"")).exceptionMessage())
        .isEqualTo("malformed JSON at character 17: expected '}', got the end of the body");
    assertThat(app.handle(request("EXEC", "read", "{\"name\":\"asset1\"}")).exceptionMessage())
        .isEqualTo("expected a JSON array of assets: [{\"name\": ..., \"channels\": [...]}]");
    assertThat(app.handle(request("EXEC", "read", "[{\"nom\":\"asset1\"}]")).exceptionMessage())
        .isEqualTo("[0]: \"name\" missing or not a string");
    assertThat(app.handle(request("EXEC", "read", "[{\"name\":\"a\",\"name\":\"b\"}]")).code())
        .isEqualTo(400);
    assertThat(app.handle(request("EXEC", "read", "[" + "[".repeat(100) + "]".repeat(101))).code())
        .isEqualTo(400);
    assertThat(
            app.handle(request("EXEC", "read", "[{\"name\":\"asset1\",\"channels\":{}}]"))
                .exceptionMessage())
        .isEqualTo("[0].channels: expected an array");
    Response unknown = app.handle(request("EXEC", "read", "[{\"name\":\"nope\"}]"));
    assertThat(unknown.code()).isEqualTo(404);
    assertThat(unknown.exceptionMessage()).isEqualTo("no asset nope on this gateway");
    assertThat(app.handle(request("GET", "channels", null)).code()).isEqualTo(404);
    assertThat(app.handle(request("PUT", "assets", null)).code()).isEqualTo(404);
  }

  @Test
  void anAssetThatGoesAwayIsNoLongerListed() throws Exception {
    app.removeAsset(boiler);

    assertThat(text(app.handle(request("GET", "assets", null)))).doesNotContain("boiler");
    assertThat(app.appId()).isEqualTo("ASSET-V1");
  }

  private void assertRefused(String body, String message) throws Exception {
    Response r = app.handle(request("EXEC", "write", body));
    assertThat(r.code()).as(body).isEqualTo(400);
    assertThat(r.exceptionMessage()).isEqualTo(message);
  }

  static Request request(String method, String path, String body) {
    return new Request(
        "ASSET-V1",
        method,
        List.of(path.split("/")),
        "1",
        "c",
        new KuraPayload(
            null, null, List.of(), body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
  }

  static String text(Response r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  static String capture(String file) throws Exception {
    Path dir =
        Path.of(System.getProperty("kura.captures", "../../../shared/interop/kura-captures"));
    Assumptions.assumeTrue(Files.isDirectory(dir));
    KuraPayload payload = KuraPayloadCodec.decode(Files.readAllBytes(dir.resolve(file)));
    assertThat(payload.metric("response.code")).contains(200);
    return new String(payload.body(), StandardCharsets.UTF_8);
  }
}
