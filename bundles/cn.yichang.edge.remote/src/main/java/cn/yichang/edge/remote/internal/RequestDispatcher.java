package cn.yichang.edge.remote.internal;

import cn.yichang.edge.kura.InvalidKuraPayloadException;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.kura.KuraRequestTopic;
import cn.yichang.edge.kura.KuraTopics;
import cn.yichang.edge.remote.RemoteApp;
import cn.yichang.edge.remote.Request;
import cn.yichang.edge.remote.Response;
import cn.yichang.edge.uplink.ControlReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes every message of the control subscription apart and hands each request to its app on a
 * worker thread. On the MQTT client's thread it only checks the size, decodes (at most {@code
 * maxRequestBytes}, gzip included) and queues: a request never holds the connection.
 *
 * <ul>
 *   <li>Not a request (our own BIRTH/DC/APPS, REPLY, NOTIFY, a topic that is not a request's):
 *       ignored.
 *   <li>No {@code request.id} or {@code requester.client.id} (STRING): nobody to answer; dropped
 *       with a log line, as Kura does.
 *   <li>Too large, or not a KuraPayload: 400 when the two metrics can still be read, else dropped
 *       with a log line.
 *   <li>Unknown method: 400; unknown app: 404; the app's answer, or 500 for an exception, a timeout
 *       or a full queue.
 * </ul>
 */
final class RequestDispatcher implements ControlReceiver {
  private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

  private final String account;
  private final String clientId;
  private final Function<String, Optional<RemoteApp>> apps;
  private final Replies replies;
  private final Workers workers;
  private final int maxRequestBytes;
  private final Duration timeout;

  /** Where replies go: the uplink's live connection. */
  @FunctionalInterface
  interface Replies {
    boolean publish(String topic, byte[] payload, int qos);

    /** The largest payload the connection takes on {@code topic}; see ControlChannel. */
    default int maxPayload(String topic) {
      return Integer.MAX_VALUE;
    }
  }

  RequestDispatcher(
      String account,
      String clientId,
      Function<String, Optional<RemoteApp>> apps,
      Replies replies,
      Workers workers,
      int maxRequestBytes,
      Duration timeout) {
    this.account = account;
    this.clientId = clientId;
    this.apps = apps;
    this.replies = replies;
    this.workers = workers;
    this.maxRequestBytes = maxRequestBytes;
    this.timeout = timeout;
  }

  @Override
  public void received(String topic, byte[] payload) {
    try {
      dispatch(topic, payload);
    } catch (RuntimeException e) {
      LOG.error("Request on {} failed before reaching its app", topic, e);
    }
  }

  private void dispatch(String topic, byte[] payload) {
    Optional<KuraRequestTopic> parsed = KuraTopics.parseRequest(topic);
    if (parsed.isEmpty()
        || !parsed.get().account().equals(account)
        || !parsed.get().clientId().equals(clientId)
        || parsed.get().appId().equals(KuraTopics.LIFECYCLE_APP_ID)
        || parsed.get().method().equals("REPLY")
        || parsed.get().method().equals("NOTIFY")) {
      LOG.debug("Not a request: {}", topic);
      return;
    }
    KuraRequestTopic t = parsed.get();
    if (payload.length > maxRequestBytes) {
      RequestHeaders h = headers(payload);
      refuse(
          t,
          topic,
          h,
          "request of "
              + payload.length
              + " bytes is larger than the "
              + maxRequestBytes
              + " bytes accepted");
      return;
    }
    KuraPayload decoded;
    try {
      decoded = KuraPayloadCodec.decodeStrict(payload, maxRequestBytes);
    } catch (InvalidKuraPayloadException e) {
      refuse(t, topic, headers(payload), "malformed payload: " + e.getMessage());
      return;
    }
    String requestId = text(decoded, RequestHeaders.REQUEST_ID);
    String requester = text(decoded, RequestHeaders.REQUESTER_CLIENT_ID);
    if (!usableLevel(requestId) || !usableLevel(requester)) {
      LOG.warn(
          "Request on {} dropped: no usable {} and {} metrics (STRING) to answer to",
          topic,
          RequestHeaders.REQUEST_ID,
          RequestHeaders.REQUESTER_CLIENT_ID);
      return;
    }
    Request request =
        new Request(t.appId(), t.method(), t.resources(), requestId, requester, decoded);
    if (!t.isRequest()) {
      reply(request, Response.badRequest("unknown method " + t.method()), System.nanoTime());
      return;
    }
    Optional<RemoteApp> app = apps.apply(t.appId());
    if (app.isEmpty()) {
      reply(request, Response.notFound("no application " + t.appId()), System.nanoTime());
      return;
    }
    run(app.get(), request);
  }

  /** On a worker, with the timeout; exactly one reply whatever happens. */
  private void run(RemoteApp app, Request request) {
    long started = System.nanoTime();
    AtomicBoolean answered = new AtomicBoolean();
    Future<?> future;
    try {
      future =
          workers.submit(
              () -> {
                Response response;
                try {
                  response = app.handle(request);
                  if (response == null) {
                    response = Response.error("no response from " + request.appId());
                  }
                } catch (InterruptedException e) {
                  return; // timed out: the watchdog answered
                } catch (Exception | LinkageError e) {
                  LOG.warn("{} failed on {}", request.appId(), describe(request), e);
                  response = Response.error(e.toString());
                }
                if (answered.compareAndSet(false, true)) {
                  reply(request, response, started);
                }
              });
    } catch (RejectedExecutionException e) {
      reply(request, Response.error("busy: too many requests in progress"), started);
      return;
    }
    workers.schedule(
        () -> {
          if (!future.isDone() && answered.compareAndSet(false, true)) {
            future.cancel(true);
            LOG.warn(
                "{} did not answer within {} ms; interrupted",
                describe(request),
                timeout.toMillis());
            reply(
                request, Response.error("no answer within " + timeout.toMillis() + " ms"), started);
          }
        },
        timeout);
  }

  private void refuse(KuraRequestTopic t, String topic, RequestHeaders h, String why) {
    if (h == null || !h.complete() || !usableLevel(h.requestId())) {
      LOG.warn("Request on {} dropped, no one to answer to: {}", topic, why);
      return;
    }
    if (!usableLevel(h.requesterClientId())) {
      LOG.warn("Request on {} dropped, no one to answer to: {}", topic, why);
      return;
    }
    Request request =
        new Request(
            t.appId(),
            t.method(),
            t.resources(),
            h.requestId(),
            h.requesterClientId(),
            new KuraPayload(null, null, java.util.List.of(), null));
    reply(request, Response.badRequest(why), System.nanoTime());
  }

  private void reply(Request request, Response response, long startedNanos) {
    String topic =
        KuraTopics.reply(
            account, request.requesterClientId(), request.appId(), request.requestId());
    byte[] bytes = KuraPayloadCodec.encodeForWire(ReplyPayloads.of(response, Instant.now()));
    int max = replies.maxPayload(topic);
    if (bytes.length > max) {
      // The broker would drop the connection on it; the requester is told why instead of waiting.
      LOG.warn(
          "{} -> {}: the reply is {} bytes, over the {} the broker takes; a 500 is sent instead",
          describe(request),
          response.code(),
          bytes.length,
          max);
      response =
          Response.error(
              "the reply is "
                  + bytes.length
                  + " bytes, larger than the broker accepts ("
                  + max
                  + " bytes a message): ask for less (one configuration, one resource)");
      bytes = KuraPayloadCodec.encodeForWire(ReplyPayloads.of(response, Instant.now()));
    }
    boolean sent = bytes.length <= max && replies.publish(topic, bytes, 0);
    long ms = (System.nanoTime() - startedNanos) / 1_000_000;
    String outcome =
        response.code()
            + (response.exceptionMessage() == null ? "" : " (" + response.exceptionMessage() + ")");
    if (sent) {
      LOG.info("{} -> {} in {} ms", describe(request), outcome, ms);
    } else {
      LOG.warn(
          "{} -> {}: not sent (no connection, or over the broker's limit)",
          describe(request),
          outcome);
    }
  }

  /**
   * The reply metrics of a payload that cannot be decoded whole: read from the payload itself, or
   * from the first {@code maxRequestBytes} it inflates to (Kura writes metrics before the body).
   */
  private RequestHeaders headers(byte[] payload) {
    if (!KuraPayloadCodec.isGzip(payload)) {
      return RequestHeaders.scan(payload);
    }
    try (java.util.zip.GZIPInputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(payload))) {
      return RequestHeaders.scan(in.readNBytes(maxRequestBytes));
    } catch (java.io.IOException e) {
      return null; // not gzip after all: nothing to read the metrics from
    }
  }

  private static String describe(Request r) {
    return r.appId()
        + " "
        + r.method()
        + (r.resources().isEmpty() ? "" : " " + r.resourcePath())
        + " from "
        + r.requesterClientId()
        + " ("
        + r.requestId()
        + ")";
  }

  private static String text(KuraPayload payload, String name) {
    return payload
        .metric(name)
        .filter(String.class::isInstance)
        .map(String.class::cast)
        .orElse(null);
  }

  /** A value usable as one topic level of the reply. */
  private static boolean usableLevel(String value) {
    return value != null
        && !value.isEmpty()
        && value.length() <= 256
        && value.chars().noneMatch(c -> c == '/' || c == '+' || c == '#' || c < 0x20);
  }
}
