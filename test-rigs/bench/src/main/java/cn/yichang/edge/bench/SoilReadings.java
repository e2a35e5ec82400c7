package cn.yichang.edge.bench;

import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.reading.ReadingSink;
import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.StoreCounters;
import cn.yichang.edge.store.StoreHistory;
import cn.yichang.edge.store.StoredMessage;
import cn.yichang.edge.uplink.internal.BenchUplinks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The drain benchmark's messages: reading sets of {@code agriculture/soil-3in1} probes (moisture
 * and temperature scaled by 0.1, hence DOUBLE; conductivity unscaled, hence INT64), as the Modbus
 * poller delivers them, from {@link #DEVICES} devices in turn, with plausible values that change
 * from one set to the next.
 */
final class SoilReadings {

  static final int DEVICES = 64;

  private final SplittableRandom random = new SplittableRandom(42);
  private final Instant start = Instant.parse("2026-05-01T06:00:00Z");

  /** The {@code i}-th reading set: device {@code i % 64}, one second after the previous round. */
  ReadingSet next(int i) {
    int device = i % DEVICES;
    Instant at = start.plusSeconds(i / DEVICES).plusMillis(device * 7L);
    return new ReadingSet(
        String.format("soil-3in1-%02d", device + 1),
        at,
        List.of(
            PointReading.of("moisture", random.nextInt(150, 450) / 10.0, "%", false),
            PointReading.of("temperature", random.nextInt(80, 260) / 10.0, "Cel", false),
            PointReading.of("conductivity", (long) random.nextInt(200, 1800), "uS/cm", false)));
  }

  /**
   * What the uplink would publish for the reading sets {@code from .. from + count - 1}, encoded by
   * the gateway's own encoder and wire format with sequence numbers {@code seq ..}: the bare
   * publisher's messages.
   */
  static List<Sample> wireSamples(BenchUplinks.Config config, int from, int count, long seq) {
    List<OutboundMessage> queued = new ArrayList<>();
    ReadingSink encoder = BenchUplinks.encoder(new Capture(queued::add), config);
    SoilReadings readings = new SoilReadings();
    for (int i = 0; i < from + count; i++) {
      ReadingSet set = readings.next(i);
      if (i >= from) {
        encoder.accept(set);
      }
    }
    List<Sample> out = new ArrayList<>();
    for (OutboundMessage m : queued) {
      StoredMessage stored =
          new StoredMessage(seq, seq, m.topic(), m.priority(), m.payload(), m.created());
      out.add(new Sample(stored, BenchUplinks.wireBytes(stored)));
      seq++;
    }
    return out;
  }

  /** A message as stored (uncompressed, without edge.seq) and as published. */
  record Sample(StoredMessage stored, byte[] wire) {}

  /** A store that only keeps what it is given, to see what the encoder makes. */
  private record Capture(java.util.function.Consumer<OutboundMessage> sink)
      implements MessageStore {
    @Override
    public void enqueue(OutboundMessage message) {
      sink.accept(message);
    }

    @Override
    public List<StoredMessage> take(int max, Duration wait) {
      return List.of();
    }

    @Override
    public void acknowledge(long id) {}

    @Override
    public void split(long id, byte[] first, List<OutboundMessage> rest) {}

    @Override
    public void setAside(long id, String reason) {}

    @Override
    public void rewind() {}

    @Override
    public StoreCounters counters() {
      return new StoreCounters(0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Override
    public StoreHistory history() {
      return new StoreHistory(0, 0, 0, false, null, null);
    }
  }

  /** Mean of a per-message cost over the samples, in nanoseconds, after a warm-up pass. */
  static double meanNanos(List<Sample> samples, int iterations, Function<Sample, byte[]> work) {
    long sink = 0;
    for (int i = 0; i < iterations; i++) {
      sink += work.apply(samples.get(i % samples.size())).length;
    }
    long start = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      sink += work.apply(samples.get(i % samples.size())).length;
    }
    long nanos = System.nanoTime() - start;
    if (sink == 42) {
      System.out.print(""); // keeps the work from being optimised away
    }
    return nanos / (double) iterations;
  }
}
