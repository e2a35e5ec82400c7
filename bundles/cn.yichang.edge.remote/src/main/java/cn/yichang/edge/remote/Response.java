package cn.yichang.edge.remote;

import cn.yichang.edge.kura.KuraMetric;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a {@link RemoteApp} answers: Kura's {@code response.code} (200, 400, 404, 500), on failure
 * {@code response.exception.message}, and the app's own metrics and body.
 *
 * @param exceptionMessage {@code null} on success
 * @param body {@code null} for none
 */
public record Response(int code, String exceptionMessage, List<KuraMetric> metrics, byte[] body) {

  public static final int OK = 200;
  public static final int BAD_REQUEST = 400;
  public static final int NOT_FOUND = 404;
  public static final int ERROR = 500;

  public Response {
    metrics = List.copyOf(metrics);
  }

  public static Response ok() {
    return new Response(OK, null, List.of(), null);
  }

  public static Response ok(List<KuraMetric> metrics) {
    return new Response(OK, null, metrics, null);
  }

  public static Response ok(byte[] body) {
    return new Response(OK, null, List.of(), body);
  }

  /** 200 with a UTF-8 text body (XML, JSON). */
  public static Response ok(String body) {
    return ok(body.getBytes(StandardCharsets.UTF_8));
  }

  public static Response badRequest(String why) {
    return new Response(BAD_REQUEST, why, List.of(), null);
  }

  public static Response notFound(String why) {
    return new Response(NOT_FOUND, why, List.of(), null);
  }

  public static Response error(String why) {
    return new Response(ERROR, why, List.of(), null);
  }
}
