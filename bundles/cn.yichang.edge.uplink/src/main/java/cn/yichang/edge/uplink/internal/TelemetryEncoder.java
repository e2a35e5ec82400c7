package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.kura.KuraTopics;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.reading.ReadingSink;
import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.Priority;
import cn.yichang.edge.uplink.config.UplinkConfig;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every reading set into a KuraPayload on {@code <account>/<client-id>/<app-id>/<device-id>}
 * and queues it in the store, uncompressed and without {@code edge.seq} (the uplink adds both when
 * it publishes). Runs on acquisition threads: it encodes in memory and the store's enqueue does not
 * wait. It needs the uplink's configuration for the topic, not a working uplink: readings are
 * buffered while the broker or the TLS files are wrong.
 *
 * <p>The payload's timestamp is the acquisition time; one metric per point: Double as DOUBLE, Long
 * as INT64, Boolean as BOOL, String as STRING. A point that failed becomes {@code <point>_error}
 * (STRING, the reason) instead; a value outside the profile's range is sent as it is, with {@code
 * <point>_out_of_range} (BOOL true) after it. Units are not sent: they are in the profile. A set
 * flagged as an alarm is queued at {@link Priority#ALARM}, every other at {@link
 * Priority#TELEMETRY}.
 */
@Component(
    configurationPid = UplinkConfig.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    service = {}, // registered by hand: DS would copy the configuration, tls.password too
    immediate = true)
public final class TelemetryEncoder implements ReadingSink {
  private static final Logger LOG = LoggerFactory.getLogger(TelemetryEncoder.class);

  static final String ERROR_SUFFIX = "_error";
  static final String OUT_OF_RANGE_SUFFIX = "_out_of_range";

  private final MessageStore store;
  private final String account;
  private final String clientId;
  private final String appId;

  private ServiceRegistration<ReadingSink> registration;

  @Activate
  public TelemetryEncoder(
      @Reference MessageStore store, UplinkConfig config, BundleContext context) {
    this(store, config);
    registration =
        context.registerService(
            ReadingSink.class,
            this,
            new Hashtable<>(Map.of(ReadingSink.ROLE_PROPERTY, ReadingSink.BUFFER_ROLE)));
  }

  TelemetryEncoder(MessageStore store, UplinkConfig config) {
    this.store = store;
    this.account = UplinkSettings.required("account", config.account());
    this.clientId =
        KuraTopics.sanitizeClientId(UplinkSettings.required("client.id", config.client_id()));
    this.appId = UplinkSettings.required("app.id", config.app_id());
  }

  @Deactivate
  void deactivate() {
    if (registration != null) {
      registration.unregister();
    }
  }

  @Override
  public void accept(ReadingSet readings) {
    try {
      byte[] payload = KuraPayloadCodec.encode(payload(readings));
      store.enqueue(
          new OutboundMessage(
              topic(readings.deviceId()), priority(readings), payload, readings.timestamp()));
    } catch (RuntimeException e) {
      // never into the acquisition thread
      LOG.error("Reading set of {} not buffered", readings.deviceId(), e);
    }
  }

  /** An alarm goes out before everything else and is evicted last. */
  static Priority priority(ReadingSet readings) {
    return readings.alarm() ? Priority.ALARM : Priority.TELEMETRY;
  }

  String topic(String deviceId) {
    return KuraTopics.data(account, clientId, appId, deviceLevel(deviceId));
  }

  /** A device id is one topic level: separators and wildcards become {@code -}. */
  static String deviceLevel(String deviceId) {
    return deviceId.replace('/', '-').replace('+', '-').replace('#', '-');
  }

  static KuraPayload payload(ReadingSet readings) {
    List<KuraMetric> metrics = new ArrayList<>(readings.points().size() + 1);
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
    return KuraPayload.of(readings.timestamp(), metrics);
  }
}
