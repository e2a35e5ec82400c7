package cn.yichang.edge.hj212.internal.station;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.hj212.Packet;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.StoredMessage;
import cn.yichang.edge.store.internal.SqliteMessageStore;
import cn.yichang.edge.store.internal.StoreSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The destination's stages on a real buffer file and a real archive, with the system clock moved by
 * the test: what its queue receives, and what the archive answers after a restart.
 */
class StationStageTest {
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  /** 2026-12-07 10:00:00 in Beijing. */
  private static final Instant T0 =
      LocalDateTime.of(2026, 12, 7, 10, 0).atZone(BEIJING).toInstant();

  @TempDir Path dir;
  private final MovableClock clock = new MovableClock(T0);
  private SqliteMessageStore buffer;
  private MessageStore queue;
  private StationArchive archive;

  @BeforeEach
  void open() throws Exception {
    buffer =
        SqliteMessageStore.open(
            new StoreSettings(
                dir.resolve("buffer.db"),
                64L << 20,
                Duration.ofMillis(5),
                500,
                20_000,
                8L << 20,
                List.of("uplink", "env")));
    queue = buffer.queue("env");
    archive = StationArchive.open(dir.resolve("hj212-env.db"));
  }

  @AfterEach
  void close() throws Exception {
    archive.close();
    buffer.close();
  }

  @Test
  void realTimeDataGoesEveryIntervalAndEachWindowWhenItEnds() throws Exception {
    StationStage stage = stage(archive, 10);
    for (int s = 1; s <= 600; s++) {
      clock.set(T0.plusSeconds(s));
      if (s % 10 == 5) {
        stage.accept(reading("ph-01", 7.0 + (s % 20 == 5 ? 0.2 : 0), "[pH]", "ok"));
      }
      stage.tick();
    }
    clock.set(T0.plusSeconds(603));
    stage.tick();
    List<Packet> sent = drain();
    List<Packet> realtime = sent.stream().filter(p -> p.cn().equals("2011")).toList();
    assertThat(realtime).hasSize(20); // 10:00:30 .. 10:10:00
    assertThat(realtime.get(0).cp().toString())
        .isEqualTo("DataTime=20261207100030;w01001-Rtd=7.2,w01001-Flag=N");
    assertThat(realtime.get(0).qn()).startsWith("20261207100030");
    assertThat(realtime.get(0).mn()).isEqualTo("YC0001WQ0000000000000001");
    assertThat(realtime.get(0).st()).isEqualTo("21");
    List<Packet> minute = sent.stream().filter(p -> p.cn().equals("2051")).toList();
    assertThat(minute).hasSize(1);
    assertThat(minute.get(0).cp().toString())
        .isEqualTo(
            "DataTime=20261207100000;w01001-Min=7,w01001-Avg=7.1,w01001-Max=7.2,w01001-Flag=N");
    assertThat(archive.history("2051", "20261207100000", "20261207100000"))
        .containsExactly(minute.get(0).cp().toString());
    assertThat(sent).extracting(Packet::qn).doesNotHaveDuplicates();
  }

  @Test
  void aFailingAndAStaleDeviceAreFlaggedNeverSentAsZero() throws Exception {
    StationStage stage = stage(archive, 10);
    clock.set(T0.plusSeconds(1));
    stage.accept(reading("ph-01", 7.0, "[pH]", "ok"));
    clock.set(T0.plusSeconds(2));
    stage.accept(reading("ph-01", 0, "[pH]", "timeout"));
    clock.set(T0.plusSeconds(30));
    stage.tick();
    // no reading for 3 intervals: stale
    clock.set(T0.plusSeconds(150));
    stage.tick();
    clock.set(T0.plusSeconds(602));
    stage.tick();
    List<String> cps = drain().stream().map(p -> p.cn() + " " + p.cp()).toList();
    assertThat(cps)
        .contains(
            "2011 DataTime=20261207100030;w01001-Flag=B",
            "2011 DataTime=20261207100230;w01001-Flag=B",
            "2051 DataTime=20261207100000;w01001-Min=7,w01001-Avg=7,w01001-Max=7,w01001-Flag=B");
  }

  @Test
  void aRestartMidHourGivesTheHourFromTheReadingsBeforeAndAfterItAndLosesNoWindow()
      throws Exception {
    StationStage before = stage(archive, 10);
    clock.set(T0.plusSeconds(60));
    before.accept(reading("ph-01", 6.0, "[pH]", "ok"));
    before.save();
    archive.close();
    // down 10:01 .. 10:25: the 10:00 window ends meanwhile
    clock.set(T0.plus(Duration.ofMinutes(25)));
    archive = StationArchive.open(dir.resolve("hj212-env.db"));
    StationStage after = stage(archive, 10);
    after.tick();
    after.accept(reading("ph-01", 8.0, "[pH]", "ok"));
    clock.set(T0.plus(Duration.ofMinutes(60)).plusSeconds(3));
    after.tick();
    List<String> windows =
        drain().stream()
            .filter(p -> !p.cn().equals("2011"))
            .map(p -> p.cn() + " " + p.cp())
            .toList();
    assertThat(windows)
        .containsExactly(
            "2051 DataTime=20261207100000;w01001-Min=6,w01001-Avg=6,w01001-Max=6,w01001-Flag=N",
            "2051 DataTime=20261207102000;w01001-Min=8,w01001-Avg=8,w01001-Max=8,w01001-Flag=N",
            "2061 DataTime=20261207100000;w01001-Min=6,w01001-Avg=7,w01001-Max=8,w01001-Flag=N");
  }

  @Test
  void aClockSetFarByThePlatformDiscardsTheWindowsTheWrongClockStamped() throws Exception {
    // a gateway without a real-time clock, booted at 1970
    clock.set(Instant.EPOCH.plusSeconds(100));
    StationClock station = new StationClock(clock, BEIJING, 0);
    StationStage stage = stage(archive, 10, station);
    stage.accept(reading("ph-01", 5.0, "[pH]", "ok"));
    stage.clockMoved(station.set(LocalDateTime.of(2026, 12, 7, 10, 0, 5)));
    clock.set(Instant.EPOCH.plusSeconds(110));
    stage.accept(reading("ph-01", 7.0, "[pH]", "ok"));
    clock.set(Instant.EPOCH.plusSeconds(100 + 602));
    stage.tick();
    List<String> windows =
        drain().stream()
            .filter(p -> p.cn().equals("2051"))
            .map(p -> p.cn() + " " + p.cp())
            .toList();
    assertThat(windows)
        .containsExactly(
            "2051 DataTime=20261207100000;w01001-Min=7,w01001-Avg=7,w01001-Max=7,w01001-Flag=N");
  }

  @Test
  void theArchiveIsTheGatewayUsersAlone() throws Exception {
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("hj212-env.db"))))
        .isEqualTo("rw-------");
  }

  private StationStage stage(StationArchive a, int minutes) throws Exception {
    return stage(a, minutes, new StationClock(clock, BEIJING, 0));
  }

  private StationStage stage(StationArchive a, int minutes, StationClock station) throws Exception {
    PointCodes codes =
        new PointCodes(new String[] {"ph-01/ph=w01001"}, new String[0], new String[0]);
    return new StationStage(
        codes,
        station,
        clock,
        a,
        queue,
        "21",
        "YC0001WQ0000000000000001",
        "123456",
        30,
        minutes,
        new QnSource());
  }

  private ReadingSet reading(String device, double value, String unit, String status) {
    PointReading ph =
        status.equals("ok")
            ? PointReading.of("ph", value, unit, false)
            : PointReading.failed("ph", unit, status);
    return new ReadingSet(
        device, clock.instant(), List.of(ph, PointReading.of("orp", 250.0, "mV", false)));
  }

  private List<Packet> drain() throws Exception {
    List<Packet> packets = new ArrayList<>();
    for (List<StoredMessage> batch = queue.take(1000, Duration.ofSeconds(2));
        !batch.isEmpty();
        batch = queue.take(1000, Duration.ofMillis(200))) {
      for (StoredMessage m : batch) {
        packets.add(Packet.parse(new String(m.payload(), StandardCharsets.US_ASCII)));
        queue.acknowledge(m.id());
      }
    }
    return packets;
  }

  /** The system clock as the test sets it. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
