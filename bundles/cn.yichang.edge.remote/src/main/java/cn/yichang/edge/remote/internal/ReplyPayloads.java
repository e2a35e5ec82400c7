package cn.yichang.edge.remote.internal;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.remote.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A {@link Response} as Kura's reply payload. */
final class ReplyPayloads {
  static final String RESPONSE_CODE = "response.code";
  static final String EXCEPTION_MESSAGE = "response.exception.message";

  private ReplyPayloads() {}

  /**
   * {@code response.code} (INT32) first, {@code response.exception.message} (STRING) when there is
   * one, then the app's metrics and body.
   */
  static KuraPayload of(Response response, Instant now) {
    List<KuraMetric> metrics = new ArrayList<>();
    metrics.add(new KuraMetric(RESPONSE_CODE, response.code()));
    if (response.exceptionMessage() != null) {
      metrics.add(new KuraMetric(EXCEPTION_MESSAGE, response.exceptionMessage()));
    }
    metrics.addAll(response.metrics());
    return new KuraPayload(now, null, metrics, response.body());
  }
}
