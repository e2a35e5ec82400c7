package cn.yichang.edge.kura;

import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.report.Report;
import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.Priority;
import java.util.ArrayList;
import java.util.List;

/**
 * A reading set as Kura data: a KuraPayload on {@code <account>/<client-id>/<app-id>/<device-id>},
 * uncompressed and without {@code edge.seq} (the transport adds both when it publishes).
 *
 * <p>The payload's timestamp is the acquisition time; one metric per point: Double as DOUBLE, Long
 * as INT64, Boolean as BOOL, String as STRING. A point that failed becomes {@code <point>_error}
 * (STRING, the reason) instead; a value outside the profile's range is sent as it is, with {@code
 * <point>_out_of_range} (BOOL true) after it. Units are not sent: they are in the profile. A device
 * reported lost gets {@value #DEVICE_LOST} (BOOL true) and, when it was ever heard, {@value
 * #LAST_GOOD} (INT64, ms since the epoch of its last good reading). A set flagged as an alarm is
 * queued at {@link Priority#ALARM}, every other at {@link Priority#TELEMETRY}.
 */
public final class KuraTelemetry {
  public static final String ERROR_SUFFIX = "_error";
  public static final String OUT_OF_RANGE_SUFFIX = "_out_of_range";
  public static final String DEVICE_LOST = "edge.device_lost";
  public static final String LAST_GOOD = "edge.last_good";

  private final String account;
  private final String clientId;
  private final String appId;

  /**
   * @param clientId the gateway id; sanitized as Kura does ({@link KuraTopics#sanitizeClientId})
   */
  public KuraTelemetry(String account, String clientId, String appId) {
    this.account = account;
    this.clientId = KuraTopics.sanitizeClientId(clientId);
    this.appId = appId;
  }

  /** The message to queue for {@code report}. */
  public OutboundMessage message(Report report) {
    ReadingSet readings = report.readings();
    return new OutboundMessage(
        topic(readings.deviceId()),
        priority(readings),
        KuraPayloadCodec.encode(payload(report)),
        readings.timestamp());
  }

  public String topic(String deviceId) {
    return KuraTopics.data(account, clientId, appId, deviceLevel(deviceId));
  }

  /** An alarm goes out before everything else and is evicted last. */
  static Priority priority(ReadingSet readings) {
    return readings.alarm() ? Priority.ALARM : Priority.TELEMETRY;
  }

  /** A device id is one topic level: separators and wildcards become {@code -}. */
  static String deviceLevel(String deviceId) {
    return deviceId.replace('/', '-').replace('+', '-').replace('#', '-');
  }

  static KuraPayload payload(Report report) {
    ReadingSet readings = report.readings();
    List<KuraMetric> metrics = new ArrayList<>(readings.points().size() + 2);
    for (PointReading point : readings.points()) {
      if (!point.ok()) {
        metrics.add(new KuraMetric(point.name() + ERROR_SUFFIX, point.error()));
        continue;
      }
      metrics.add(new KuraMetric(point.name(), point.value()));
      if (point.outOfRange()) {
        metrics.add(new KuraMetric(point.name() + OUT_OF_RANGE_SUFFIX, Boolean.TRUE));
      }
    }
    if (report.lost()) {
      metrics.add(new KuraMetric(DEVICE_LOST, Boolean.TRUE));
      if (report.lostSince() != null) {
        metrics.add(new KuraMetric(LAST_GOOD, report.lostSince().toEpochMilli()));
      }
    }
    return KuraPayload.of(readings.timestamp(), metrics);
  }
}
