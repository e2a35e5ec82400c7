package cn.yichang.edge.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.remote.RemoteApp;
import cn.yichang.edge.remote.Request;
import cn.yichang.edge.remote.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestDispatcherTest {
  static final String BASE = "$EDC/acct/gw-1/";
  static final Duration WAIT = Duration.ofSeconds(5);

  record Sent(String topic, KuraPayload payload, int qos) {
    int code() {
      return (Integer) payload.metric("response.code").orElseThrow();
    }

    String message() {
      return (String) payload.metric("response.exception.message").orElse(null);
    }
  }

  final List<Sent> sent = new CopyOnWriteArrayList<>();
  final Map<String, RemoteApp> apps = new ConcurrentHashMap<>();
  final List<Request> handled = new CopyOnWriteArrayList<>();
  Workers workers = new Workers(2, 4);
  RequestDispatcher dispatcher = dispatcher(1024 * 1024, Duration.ofSeconds(5));

  @AfterEach
  void close() {
    workers.close();
  }

  RequestDispatcher dispatcher(int maxBytes, Duration timeout) {
    return new RequestDispatcher(
        "acct",
        "gw-1",
        id -> Optional.ofNullable(apps.get(id)),
        (topic, payload, qos) -> sent.add(new Sent(topic, KuraPayloadCodec.decode(payload), qos)),
        workers,
        maxBytes,
        timeout);
  }

  void app(String id, ThrowingHandler handler) {
    apps.put(
        id,
        new RemoteApp() {
          @Override
          public String appId() {
            return id;
          }

          @Override
          public Response handle(Request request) throws Exception {
            handled.add(request);
            return handler.handle(request);
          }
        });
  }

  interface ThrowingHandler {
    Response handle(Request r) throws Exception;
  }

  static byte[] request(String requestId, String requester, byte[] body) {
    List<KuraMetric> metrics = new ArrayList<>();
    if (requestId != null) {
      metrics.add(new KuraMetric("request.id", requestId));
    }
    if (requester != null) {
      metrics.add(new KuraMetric("requester.client.id", requester));
    }
    return KuraPayloadCodec.encode(new KuraPayload(Instant.now(), null, metrics, body));
  }

  static cn.yichang.edge.kura.KuraPayload decodeable(byte[] encoded) {
    return KuraPayloadCodec.decode(encoded);
  }

  Sent awaitReply() {
    await().atMost(WAIT).until(() -> !sent.isEmpty());
    return sent.get(0);
  }

  @Test
  void aRequestReachesItsAppAndTheAnswerGoesToTheRequester() {
    app("CONF-V1", r -> Response.ok("<xml/>"));

    dispatcher.received(
        BASE + "CONF-V1/GET/configurations/cn.yichang.edge.store",
        request("r-1", "console-7", null));

    Sent reply = awaitReply();
    assertThat(reply.topic()).isEqualTo("$EDC/acct/console-7/CONF-V1/REPLY/r-1");
    assertThat(reply.qos()).isZero();
    assertThat(reply.code()).isEqualTo(200);
    assertThat(reply.message()).isNull();
    assertThat(new String(reply.payload().body(), StandardCharsets.UTF_8)).isEqualTo("<xml/>");
    Request r = handled.get(0);
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.resources()).containsExactly("configurations", "cn.yichang.edge.store");
    assertThat(r.requesterClientId()).isEqualTo("console-7");
  }

  @Test
  void aReplyLargerThanTheBrokerTakesBecomesA500SayingSoInsteadOfDroppingTheConnection() {
    String incompressible =
        new java.util.Random(1)
            .ints(5000, 0, 16)
            .mapToObj(Integer::toHexString)
            .collect(java.util.stream.Collectors.joining());
    app("CONF-V1", r -> Response.ok(incompressible));
    int limit = 400;
    RequestDispatcher limited =
        new RequestDispatcher(
            "acct",
            "gw-1",
            id -> Optional.ofNullable(apps.get(id)),
            new RequestDispatcher.Replies() {
              @Override
              public boolean publish(String topic, byte[] payload, int qos) {
                assertThat(payload.length).isLessThanOrEqualTo(limit);
                return sent.add(new Sent(topic, KuraPayloadCodec.decode(payload), qos));
              }

              @Override
              public int maxPayload(String topic) {
                return limit;
              }
            },
            workers,
            1024 * 1024,
            Duration.ofSeconds(5));

    limited.received(BASE + "CONF-V1/GET/configurations", request("r-9", "console-7", null));

    Sent reply = awaitReply();
    assertThat(reply.topic()).isEqualTo("$EDC/acct/console-7/CONF-V1/REPLY/r-9");
    assertThat(reply.code()).isEqualTo(500);
    assertThat(reply.message()).contains("larger than the broker accepts (400 bytes");
  }

  @Test
  void kapuasCapturedRequestIsServed() throws Exception {
    Path captures =
        Path.of(System.getProperty("kura.captures", "../../../shared/interop/kura-captures"));
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(captures));
    app("CONF-V1", r -> Response.ok());

    dispatcher.received(
        BASE + "CONF-V1/GET/configurations",
        Files.readAllBytes(captures.resolve("rpione3_CONF-V1_GET_configurations.mqtt")));

    assertThat(awaitReply().topic())
        .isEqualTo(
            "$EDC/acct/KapuaPool-1486977008891-1471317731764829951/CONF-V1/REPLY/"
                + "-5506875758936824512");
  }

  @Test
  void anUnknownAppIs404AndAnUnknownMethod400() {
    dispatcher.received(BASE + "NOPE-V1/GET/x", request("1", "c", null));
    Sent reply = awaitReply();
    assertThat(reply.code()).isEqualTo(404);
    assertThat(reply.message()).contains("NOPE-V1");

    sent.clear();
    app("CONF-V1", r -> Response.ok());
    dispatcher.received(BASE + "CONF-V1/FETCH/x", request("2", "c", null));
    assertThat(awaitReply().code()).isEqualTo(400);
    assertThat(sent.get(0).message()).contains("FETCH");
    assertThat(handled).isEmpty();
  }

  @Test
  void withoutRequestIdOrRequesterNothingIsAnsweredOrRun() throws Exception {
    app("CONF-V1", r -> Response.ok());
    dispatcher.received(BASE + "CONF-V1/GET/configurations", request(null, "c", null));
    dispatcher.received(BASE + "CONF-V1/GET/configurations", request("1", null, null));
    dispatcher.received(BASE + "CONF-V1/GET/configurations", request("1", "a/b", null));
    dispatcher.received(BASE + "CONF-V1/GET/configurations", request("#", "c", null));
    // a well-formed request after them is answered, and it is the only answer
    dispatcher.received(BASE + "CONF-V1/GET/configurations", request("ok", "c", null));

    await().atMost(WAIT).until(() -> !sent.isEmpty());
    assertThat(sent).extracting(Sent::topic).containsExactly("$EDC/acct/c/CONF-V1/REPLY/ok");
    assertThat(handled).hasSize(1);
  }

  @Test
  void lifecycleMessagesAndRepliesOnOurTopicsAreNotRequests() {
    app("MQTT", r -> Response.ok());
    dispatcher.received(BASE + "MQTT/BIRTH", request("1", "c", null));
    dispatcher.received(BASE + "CONF-V1/REPLY/1", request("1", "c", null));
    dispatcher.received("$EDC/other/gw-1/CONF-V1/GET/x", request("1", "c", null));
    dispatcher.received(BASE + "CONF-V1//x", request("1", "c", null));
    dispatcher.received(BASE + "NOPE/GET/x", request("last", "c", null));

    await().atMost(WAIT).until(() -> !sent.isEmpty());
    assertThat(sent).extracting(Sent::topic).containsExactly("$EDC/acct/c/NOPE/REPLY/last");
  }

  @Test
  void aTruncatedPayloadIsA400WhenItsMetricsCanBeRead() {
    app("CONF-V1", r -> Response.ok());
    byte[] whole = request("t-1", "c", "<esf:configurations/>".repeat(10).getBytes());
    byte[] truncated = Arrays.copyOf(whole, whole.length - 20);

    dispatcher.received(BASE + "CONF-V1/PUT/configurations", truncated);

    Sent reply = awaitReply();
    assertThat(reply.topic()).endsWith("/REPLY/t-1");
    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.message()).startsWith("malformed payload");
    assertThat(handled).isEmpty();
  }

  @Test
  void garbageGzipAndBytesWithoutMetricsAreDropped() throws Exception {
    app("CONF-V1", r -> Response.ok());
    byte[] garbageGzip = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    dispatcher.received(BASE + "CONF-V1/GET/configurations", garbageGzip);
    dispatcher.received(BASE + "CONF-V1/GET/configurations", new byte[] {(byte) 0xff, 1, 2});
    dispatcher.received(BASE + "CONF-V1/GET/configurations", gzip(request("z", "c", null)));

    await().atMost(WAIT).until(() -> !sent.isEmpty());
    assertThat(sent).extracting(Sent::topic).containsExactly("$EDC/acct/c/CONF-V1/REPLY/z");
  }

  @Test
  void anOversizeRequestIsRefusedBeforeDecodingWithA400() throws Exception {
    app("CONF-V1", r -> Response.ok());
    RequestDispatcher small = dispatcher(64 * 1024, WAIT);
    byte[] big = request("big", "c", new byte[10 * 1024 * 1024]);

    small.received(BASE + "CONF-V1/PUT/configurations", big);

    Sent reply = awaitReply();
    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.message()).contains("larger than the 65536 bytes");
    assertThat(handled).isEmpty();

    sent.clear();
    small.received(BASE + "CONF-V1/PUT/configurations", gzip(big)); // ~10 KB compressed
    reply = awaitReply();
    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.message()).startsWith("malformed payload").contains("gzip");
  }

  @Test
  void anAppThatFailsAnswers500WithTheReason() {
    app(
        "CMD-V1",
        r -> {
          throw new IllegalStateException("disk on fire");
        });
    dispatcher.received(BASE + "CMD-V1/EXEC/command", request("1", "c", null));
    Sent reply = awaitReply();
    assertThat(reply.code()).isEqualTo(500);
    assertThat(reply.message()).contains("disk on fire");
  }

  @Test
  void anAppThatHangsIsInterruptedAndTheNextRequestIsServed() {
    CountDownLatch interrupted = new CountDownLatch(1);
    RequestDispatcher quick = dispatcher(1024 * 1024, Duration.ofMillis(300));
    app(
        "SLOW",
        r -> {
          if (r.requestId().equals("hang")) {
            try {
              new CountDownLatch(1).await(); // a stuck handler (until interrupted): the subject
            } catch (InterruptedException e) {
              interrupted.countDown();
              throw e;
            }
          }
          return Response.ok();
        });

    quick.received(BASE + "SLOW/GET/x", request("hang", "c", null));
    Sent reply = awaitReply();
    assertThat(reply.code()).isEqualTo(500);
    assertThat(reply.message()).contains("no answer within");
    await().atMost(WAIT).until(() -> interrupted.getCount() == 0);

    for (int i = 0; i < 4; i++) {
      quick.received(BASE + "SLOW/GET/x", request("next-" + i, "c", null));
    }
    await().atMost(WAIT).until(() -> sent.size() == 5);
    assertThat(sent.subList(1, 5)).allMatch(s -> s.code() == 200);
    assertThat(sent).hasSize(5); // the stuck request got exactly one answer
  }

  @Test
  void whenEveryWorkerAndQueueSlotIsTakenTheRequesterHearsSoAtOnce() {
    workers.close();
    workers = new Workers(1, 1);
    RequestDispatcher busy = dispatcher(1024 * 1024, Duration.ofSeconds(30));
    CountDownLatch release = new CountDownLatch(1);
    app(
        "SLOW",
        r -> {
          release.await();
          return Response.ok();
        });

    busy.received(BASE + "SLOW/GET/x", request("1", "c", null)); // runs
    busy.received(BASE + "SLOW/GET/x", request("2", "c", null)); // waits
    busy.received(BASE + "SLOW/GET/x", request("3", "c", null)); // refused

    Sent reply = awaitReply();
    assertThat(reply.topic()).endsWith("/REPLY/3");
    assertThat(reply.code()).isEqualTo(500);
    assertThat(reply.message()).contains("busy");
    release.countDown();
    await().atMost(WAIT).until(() -> sent.size() == 3);
  }

  static byte[] gzip(byte[] plain) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(plain);
    }
    return out.toByteArray();
  }
}
