package cn.yichang.edge.hj212.internal.station;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.hj212.platform.TestPlatform;
import cn.yichang.edge.hj212.platform.TestPlatform.Received;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.store.internal.SqliteMessageStore;
import cn.yichang.edge.store.internal.StoreSettings;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A destination against a test platform on loopback (its own parser and CRC), with the station's
 * clock moved by the test: real-time and window uploads with their values and flags, an
 * unacknowledged upload sent again, an outage over several windows with everything after it in
 * order, history, and the platform setting the time and an interval.
 */
class Hj212DestinationTest {
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 7, 10, 0);
  private static final String MN = "YC0001WQ0000000000000001";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private final StationStageTest.MovableClock clock = new StationStageTest.MovableClock(at(T0));

  @Test
  void thePlatformReceivesEveryUploadInOrderAndIsAnswered() throws Exception {
    try (TestPlatform platform = TestPlatform.start();
        SqliteMessageStore buffer =
            SqliteMessageStore.open(
                new StoreSettings(
                    dir.resolve("buffer.db"),
                    64L << 20,
                    Duration.ofMillis(5),
                    500,
                    20_000,
                    8L << 20,
                    List.of("uplink", "env-city")))) {
      // the first real-time upload is not acknowledged: it must come again, with its QN
      platform.ignore(r -> r.cn().equals("2011"));
      Hj212DestinationComponent station =
          new Hj212DestinationComponent(
              buffer.queue("env-city"),
              settings(platform.port()),
              clock,
              Duration.ofMillis(100),
              Duration.ofMillis(400));
      try {
        read(station, T0.plusSeconds(10), 7.0);
        clock.set(at(T0.plusSeconds(31)));
        Received first = platform.await(cn("2011"), WAIT);
        assertThat(first.cp()).isEqualTo("DataTime=20261207100030;w01001-Rtd=7,w01001-Flag=N");
        assertThat(first.flag()).isEqualTo(5);
        assertThat(first.mn()).isEqualTo(MN);
        assertThat(first.pw()).isEqualTo("123456");
        platform.await(r -> r.qn().equals(first.qn()) && r != first, WAIT);

        read(station, T0.plusSeconds(40), 7.2);
        read(station, T0.plusSeconds(50), Double.NaN);
        clock.set(at(T0.plusMinutes(10).plusSeconds(3)));
        Received minute = platform.await(cn("2051"), WAIT);
        assertThat(minute.cp())
            .isEqualTo(
                "DataTime=20261207100000;w01001-Min=7,w01001-Avg=7.1,w01001-Max=7.2,w01001-Flag=B");

        // down for three windows
        platform.stop();
        for (int m = 20; m <= 40; m += 10) {
          read(station, T0.plusMinutes(m - 5), 7.0 + m / 100.0);
          clock.set(at(T0.plusMinutes(m).plusSeconds(3)));
        }
        read(station, T0.plusMinutes(45), 8.0);
        clock.set(at(T0.plusMinutes(60).plusSeconds(3)));
        platform.restart();
        Received hour = platform.await(cn("2061"), WAIT);
        assertThat(hour.fields())
            .containsEntry("w01001-Min", "7")
            .containsEntry("w01001-Max", "8")
            .containsEntry("w01001-Flag", "B");
        assertThat(hour.fields()).containsEntry("w01001-Avg", "7.35");
        // the 10:50 window had no reading at all (nothing was polled): it is not sent
        List<String> windows =
            platform.received().stream()
                .filter(cn("2051"))
                .map(r -> r.cp().substring(9, 23))
                .distinct()
                .toList();
        assertThat(windows)
            .containsExactly(
                "20261207100000",
                "20261207101000",
                "20261207102000",
                "20261207103000",
                "20261207104000");
        assertThat(platform.badFrames()).isEmpty();

        // history ("补传") of the past hour
        platform.send(
            request(
                "20261207110100001", "2051", "BeginTime=20261207100000;EndTime=20261207105000"));
        platform.await(r -> r.cn().equals("9012") && r.qn().equals("20261207110100001"), WAIT);
        List<Received> answer = after(platform, "20261207110100001");
        assertThat(answer.get(0).cp()).isEqualTo("QnRtn=1");
        assertThat(answer.stream().filter(cn("2051")).map(r -> r.cp().substring(9, 23)).toList())
            .isEqualTo(windows);
        assertThat(answer.get(answer.size() - 1).cp()).isEqualTo("ExeRtn=1");

        // garbage, then a wrong password: refused, nothing changes, the link goes on
        try (Socket probe = new Socket("127.0.0.1", platform.port())) {
          // a stranger on the platform's port is the platform's business; the station is unaffected
          OutputStream out = probe.getOutputStream();
          out.write("hello".getBytes());
        }
        platform.send(
            request("20261207110200001", "1062", "RtdInterval=60")
                .replace("PW=123456", "PW=999999"));
        assertThat(platform.await(qn("20261207110200001"), WAIT).cp()).isEqualTo("QnRtn=3");
        platform.send(request("20261207110200002", "1062", "RtdInterval=60"));
        platform.await(r -> r.cn().equals("9012") && r.qn().equals("20261207110200002"), WAIT);
        platform.send(request("20261207110200003", "1061", ""));
        assertThat(platform.await(r -> r.cn().equals("1061"), WAIT).cp())
            .isEqualTo("RtdInterval=60");

        // the platform sets the station's time: what is sent next carries it
        platform.send(request("20261207110300001", "1012", "SystemTime=20261207120000"));
        platform.await(r -> r.cn().equals("9012") && r.qn().equals("20261207110300001"), WAIT);
        platform.send(request("20261207110300002", "1011", ""));
        assertThat(platform.await(r -> r.cn().equals("1011"), WAIT).cp())
            .startsWith("SystemTime=202612071200");
      } finally {
        station.deactivate();
      }
    }
  }

  private void read(Hj212DestinationComponent station, LocalDateTime when, double ph) {
    clock.set(at(when));
    PointReading p =
        Double.isNaN(ph)
            ? PointReading.failed("ph", "[pH]", "timeout")
            : PointReading.of("ph", ph, "[pH]", false);
    station.accept(new ReadingSet("ph-01", clock.instant(), List.of(p)));
  }

  private DestinationSettings settings(int port) {
    return new DestinationSettings(
        "env-city",
        "127.0.0.1",
        port,
        false,
        MN,
        "123456",
        "21",
        30,
        10,
        true,
        1,
        2,
        new PointCodes(new String[] {"ph-01/ph=w01001"}, new String[0], new String[0]),
        BEIJING,
        dir);
  }

  private static String request(String qn, String cn, String cp) {
    return "QN=" + qn + ";ST=32;CN=" + cn + ";PW=123456;MN=" + MN + ";Flag=5;CP=&&" + cp + "&&";
  }

  private static List<Received> after(TestPlatform platform, String qn) {
    List<Received> all = platform.received();
    int from = 0;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).cn().equals("9011") && all.get(i).qn().equals(qn)) {
        from = i;
      }
    }
    int to = from;
    while (!(all.get(to).cn().equals("9012") && all.get(to).qn().equals(qn))) {
      to++;
    }
    return all.subList(from, to + 1).stream()
        .filter(r -> !r.cn().equals("2011") && !(r.cn().startsWith("20") && r.flag() == 5))
        .toList();
  }

  private static Predicate<Received> cn(String cn) {
    return r -> r.cn().equals(cn);
  }

  private static Predicate<Received> qn(String qn) {
    return r -> qn.equals(r.qn());
  }

  private static Instant at(LocalDateTime t) {
    return t.atZone(BEIJING).toInstant();
  }
}
