package cn.yichang.edge.serialproto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.bus.PolledDevice;
import cn.yichang.edge.bus.TransactionException;
import cn.yichang.edge.bus.Transactor;
import cn.yichang.edge.bus.internal.BusScheduler;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The real bus scheduler polls the radar beside a device read with fixed-length frames (as Modbus
 * devices are), on one in-memory line; and a streaming receiver whose port fails at first.
 */
class OnABusTest {

  private static final LineSettings LINE = new LineSettings("/dev/mem", 115200, Parity.NONE, 8, 1);
  private static final byte[] FIXED_REQUEST = HexFormat.of().parseHex("0103000000024409");
  private static final byte[] FIXED_ANSWER = HexFormat.of().parseHex("010304000a000b1234");

  private final List<ReadingSet> published = new CopyOnWriteArrayList<>();

  @Test
  void aPolledRadarSharesTheBusWithAFixedFrameDevice() throws Exception {
    byte[] status = FrameParserTest.bytes(FrameParserTest.STATUS);
    byte[] report = FrameParserTest.bytes(FrameParserTest.radar("80 01", "01"));
    MemoryLine line =
        new MemoryLine(
            LINE,
            req ->
                Arrays.equals(req, Specs.radar().request())
                    ? concat(report, status) // an unsolicited report first, then the answer
                    : Arrays.equals(req, FIXED_REQUEST) ? FIXED_ANSWER : null);
    AtomicInteger fixedAnswers = new AtomicInteger();
    PolledDevice fixed =
        new PolledDevice() {
          @Override
          public String id() {
            return "meter";
          }

          @Override
          public Duration pollInterval() {
            return Duration.ofMillis(20);
          }

          @Override
          public boolean poll(Transactor t) throws InterruptedException {
            try {
              byte[] answer = t.transact(FIXED_REQUEST, in -> in.readExactly(FIXED_ANSWER.length));
              if (Arrays.equals(answer, FIXED_ANSWER)) {
                fixedAnswers.incrementAndGet();
              }
              return true;
            } catch (TransactionException e) {
              return false;
            }
          }
        };
    PolledSerialDevice radar =
        new PolledSerialDevice(
            "radar",
            Duration.ofMillis(20),
            Specs.radar().request(),
            Specs.radar().timeout(),
            new FrameParser(Specs.radar()),
            published::add,
            Clock.systemUTC());
    String statuses;
    cn.yichang.edge.bus.TransactionCounters counters;
    List<ReadingSet> seen;
    BusScheduler bus =
        new BusScheduler(
            "care-1", LINE, TimeUnit.MILLISECONDS.toNanos(200), s -> line, Clock.systemUTC());
    bus.start();
    try (var a = bus.attach(radar);
        var b = bus.attach(fixed)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> published.size() >= 20 && fixedAnswers.get() >= 20);
      // Taken while polling: stopping the bus mid-transaction is not what is measured here.
      statuses = bus.devices().toString();
      counters = bus.counters();
      seen = List.copyOf(published);
    } finally {
      bus.stop();
    }
    assertThat(seen).allMatch(ReadingSet::complete);
    assertThat(counters.corruptFrames()).as(statuses).isZero();
    assertThat(counters.timeouts()).as(statuses).isZero();
  }

  @Test
  void aRemoteReadPollsTheRadarNowThroughItsBus() throws Exception {
    byte[] status = FrameParserTest.bytes(FrameParserTest.STATUS);
    MemoryLine line =
        new MemoryLine(LINE, req -> Arrays.equals(req, Specs.radar().request()) ? status : null);
    PolledSerialDevice radar =
        new PolledSerialDevice(
            "radar",
            Duration.ofHours(1),
            Specs.radar().request(),
            Specs.radar().timeout(),
            new FrameParser(Specs.radar()),
            published::add,
            Clock.systemUTC());
    BusScheduler bus =
        new BusScheduler(
            "care-1", LINE, TimeUnit.MILLISECONDS.toNanos(200), s -> line, Clock.systemUTC());
    bus.start();
    try (var a = bus.attach(radar)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> published.size() == 1);
      SerialAsset asset =
          new SerialAsset("radar", SerialAsset.channels(Specs.radar()), bus, radar, null);

      ReadingSet now = asset.readNow().get(20, TimeUnit.SECONDS);

      assertThat(now.complete()).as(now.toString()).isTrue();
      assertThat(now.points())
          .extracting(p -> p.value())
          .isEqualTo(published.get(0).points().stream().map(p -> p.value()).toList());
      // one more transaction on the line, no second scheduled poll, nothing published
      assertThat(bus.devices().get(0).polls()).isEqualTo(1);
      assertThat(bus.devices().get(0).counters().transactions()).isEqualTo(2);
      assertThat(published).hasSize(1);
    } finally {
      bus.stop();
    }
  }

  @Test
  void aStreamingReceiverReopensItsPortAndReportsAtItsInterval() throws Exception {
    AtomicInteger opens = new AtomicInteger();
    MemoryLine line = new MemoryLine(LINE, req -> null);
    StreamingSerialDevice gnss =
        new StreamingSerialDevice(
            "gnss",
            LINE,
            s -> {
              if (opens.incrementAndGet() == 1) {
                throw new IOException("no such port (yet)");
              }
              return line;
            },
            new LineParser(Specs.gnss()),
            Duration.ofMillis(300),
            Duration.ofSeconds(5),
            published::add,
            Clock.systemUTC());
    gnss.start();
    try {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      // The receiver talks ten times a second until six sets were reported.
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                line.talk(
                    (LineParserTest.GGA + LineParserTest.RMC)
                        .getBytes(StandardCharsets.ISO_8859_1));
                return published.size() >= 6 || System.nanoTime() > until;
              });
    } finally {
      gnss.close();
    }
    assertThat(opens).hasValue(2);
    assertThat(published).hasSizeGreaterThanOrEqualTo(6);
    List<ReadingSet> later = published.subList(1, published.size());
    assertThat(later).allMatch(ReadingSet::complete);
    for (int i = 1; i < published.size(); i++) {
      assertThat(Duration.between(published.get(i - 1).timestamp(), published.get(i).timestamp()))
          .isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }
    assertThat(gnss.messages()).isGreaterThan(published.size());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
