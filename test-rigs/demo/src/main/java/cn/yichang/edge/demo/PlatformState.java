package cn.yichang.edge.demo;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the platform side has received: the latest value of every point of every device, with its
 * acquisition time, and the counters of the message stream. Fed by the MQTT callback thread, read
 * by the view.
 */
final class PlatformState {

  static final String SEQ_METRIC = "edge.seq";

  /** The latest value of one point; {@code error} instead of a value when the read failed. */
  record Value(Object value, String error, boolean outOfRange, Instant acquired) {}

  /** One device's latest reading set and how many arrived. */
  record DeviceReadings(Map<String, Value> points, Instant acquired, long count) {}

  /** A consistent copy for one screen. */
  record Snapshot(
      Map<String, DeviceReadings> devices,
      long messages,
      long undecodable,
      long seqGaps,
      long seqDuplicates,
      long births) {}

  private final Map<String, DeviceReadings> devices = new LinkedHashMap<>();
  private final SeqTracker seq = new SeqTracker();
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong undecodable = new AtomicLong();
  private final AtomicLong births = new AtomicLong();

  /** A data message of {@code device}. */
  void data(String device, KuraPayload payload) {
    messages.incrementAndGet();
    payload.metric(SEQ_METRIC).ifPresent(v -> seq.accept(((Number) v).longValue()));
    Instant acquired = payload.timestamp();
    Map<String, Value> points = new LinkedHashMap<>();
    for (KuraMetric m : payload.metrics()) {
      String name = m.name();
      if (name.equals(SEQ_METRIC)) {
        continue;
      }
      if (name.endsWith("_error")) {
        points.put(strip(name, "_error"), new Value(null, m.value().toString(), false, acquired));
      } else if (name.endsWith("_out_of_range")) {
        String point = strip(name, "_out_of_range");
        Value v = points.get(point);
        if (v != null) {
          points.put(point, new Value(v.value(), v.error(), true, acquired));
        }
      } else {
        points.put(name, new Value(m.value(), null, false, acquired));
      }
    }
    synchronized (devices) {
      DeviceReadings before = devices.get(device);
      devices.put(
          device, new DeviceReadings(points, acquired, before == null ? 1 : before.count() + 1));
    }
  }

  void undecodable() {
    messages.incrementAndGet();
    undecodable.incrementAndGet();
  }

  void birth() {
    births.incrementAndGet();
  }

  Snapshot snapshot() {
    Map<String, DeviceReadings> copy;
    synchronized (devices) {
      copy = new LinkedHashMap<>(devices);
    }
    return new Snapshot(
        copy, messages.get(), undecodable.get(), seq.gaps(), seq.duplicates(), births.get());
  }

  /** Devices that have sent no reading yet, among {@code expected}. */
  List<String> silent(List<String> expected) {
    List<String> silent = new ArrayList<>();
    synchronized (devices) {
      for (String id : expected) {
        if (!devices.containsKey(id)) {
          silent.add(id);
        }
      }
    }
    return silent;
  }

  private static String strip(String name, String suffix) {
    return name.substring(0, name.length() - suffix.length());
  }
}
