package cn.yichang.edge.hj212.internal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.hj212.Packet;
import cn.yichang.edge.hj212.Qn;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformRequestsTest {
  private static final String MN = "010000A8900016F000169DC0";

  /**
   * A request's CN, PW, MN and CP; the answers as {@code CN:CP} joined by {@code |}; and the
   * station's settings after it. The sequences are the standard's appendix C (C.1-C.9, C.20-C.22).
   */
  @ParameterizedTest(name = "{0} {3}")
  @CsvSource(
      delimiter = '!',
      textBlock =
          """
          1011 ! 123456 ! MN ! PolId=w01018 ! 9011:QnRtn=1|1011:PolId=w01018;SystemTime=20160801085857|9012:ExeRtn=1 ! rt=30 min=10 pw=123456 ot=10/3 t=20160801085857
          1011 ! 123456 ! MN !  ! 9011:QnRtn=1|1011:SystemTime=20160801085857|9012:ExeRtn=1 ! rt=30 min=10 pw=123456 ot=10/3 t=20160801085857
          1012 ! 123456 ! MN ! SystemTime=20161231235959 ! 9011:QnRtn=1|9012:ExeRtn=1 ! rt=30 min=10 pw=123456 ot=10/3 t=20161231235959
          1012 ! 123456 ! MN ! SystemTime=2016123123 ! 9011:QnRtn=1|9012:ExeRtn=3 ! rt=30 min=10 pw=123456 ot=10/3 t=20160801085857
          1061 ! 123456 ! MN !  ! 9011:QnRtn=1|1061:RtdInterval=30|9012:ExeRtn=1 ! rt=30 min=10 pw=123456 ot=10/3 t=20160801085857
          1062 ! 123456 ! MN ! RtdInterval=60 ! 9011:QnRtn=1|9012:ExeRtn=1 ! rt=60 min=10 pw=123456 ot=10/3 t=20160801085857
          1062 ! 123456 ! MN ! RtdInterval=10 ! 9011:QnRtn=1|9012:ExeRtn=3 ! rt=30 min=10 pw=123456 ot=10/3 t=20160801085857
          1063 ! 123456 ! MN !  ! 9011:QnRtn=1|1063:MinInterval=10|9012:ExeRtn=1 ! rt=30 min=10 pw=123456 ot=10/3 t=20160801085857
          1064 ! 123456 ! MN ! MinInterval=5 ! 9011:QnRtn=1|9012:ExeRtn=1 ! rt=30 min=5 pw=123456 ot=10/3 t=20160801085857
          1064 ! 123456 ! MN ! MinInterval=7 ! 9011:QnRtn=1|9012:ExeRtn=3 ! rt=30 min=10 pw=123456 ot=10/3 t=20160801085857
          1072 ! 123456 ! MN ! NewPW=654321 ! 9011:QnRtn=1|9012:ExeRtn=1 ! rt=30 min=10 pw=654321 ot=10/3 t=20160801085857
          1072 ! 123456 ! MN ! NewPW=65 43 ! 9011:QnRtn=1|9012:ExeRtn=3 ! rt=30 min=10 pw=123456 ot=10/3 t=20160801085857
          1000 ! 123456 ! MN ! OverTime=5;ReCount=3 ! 9011:QnRtn=1|9012:ExeRtn=1 ! rt=30 min=10 pw=123456 ot=5/3 t=20160801085857
          1000 ! 123456 ! MN ! OverTime=5 ! 9011:QnRtn=1|9012:ExeRtn=3 ! rt=30 min=10 pw=123456 ot=10/3 t=20160801085857
          1062 ! 000000 ! MN ! RtdInterval=60 ! 9011:QnRtn=3 ! rt=30 min=10 pw=123456 ot=10/3 t=20160801085857
          1062 ! 123456 ! XX ! RtdInterval=60 ! 9011:QnRtn=4 ! rt=30 min=10 pw=123456 ot=10/3 t=20160801085857
          3020 ! 123456 ! MN ! InfoId=i12001 ! 9011:QnRtn=2 ! rt=30 min=10 pw=123456 ot=10/3 t=20160801085857
          2051 ! 123456 ! MN ! BeginTime=20160801084000;EndTime=20160801085000 ! 9011:QnRtn=1|2051:DataTime=20160801084000;w01001-Avg=7.5,w01001-Flag=N|2051:DataTime=20160801085000;w01001-Flag=B|9012:ExeRtn=1 ! rt=30 min=10 pw=123456 ot=10/3 t=20160801085857
          2061 ! 123456 ! MN ! BeginTime=20160801080000;EndTime=20160801080000 ! 9011:QnRtn=1|9012:ExeRtn=100 ! rt=30 min=10 pw=123456 ot=10/3 t=20160801085857
          2031 ! 123456 ! MN ! BeginTime=20160802000000;EndTime=20160801000000 ! 9011:QnRtn=1|9012:ExeRtn=3 ! rt=30 min=10 pw=123456 ot=10/3 t=20160801085857
          """)
  void eachRequestGetsTheStandardsSequence(
      String cn, String pw, String mn, String cp, String answers, String after) throws Exception {
    Station station = new Station();
    Packet request =
        Packet.parse(
            "QN=20160801085857223;ST=32;CN="
                + cn
                + ";PW="
                + pw
                + ";MN="
                + (mn.equals("MN") ? MN : mn)
                + ";Flag=5;CP=&&"
                + (cp == null ? "" : cp)
                + "&&");
    List<Packet> out = new PlatformRequests(station).answer(request);
    assertThat(String.join("|", out.stream().map(p -> p.cn() + ":" + p.cp()).toList()))
        .isEqualTo(answers);
    for (Packet p : out) {
      boolean record = p.cn().equals(cn) && cn.startsWith("20");
      assertThat(p.qn()).isEqualTo(record ? p.qn() : "20160801085857223");
      assertThat(p.st()).isEqualTo(p.cn().startsWith("90") ? "91" : "32");
      assertThat(p.flag()).isEqualTo(4);
      assertThat(p.mn()).isEqualTo(MN);
      assertThat(p.pw()).isEqualTo("123456");
      if (record) {
        assertThat(p.qn()).startsWith("2026");
      }
    }
    assertThat(station.toString()).isEqualTo(after);
  }

  /** The station as a request sees it: settings in fields, two archived minute records. */
  static final class Station implements StationControl {
    int rt = 30;
    int min = 10;
    String pw = "123456";
    int overTime = 10;
    int reCount = 3;
    LocalDateTime time = LocalDateTime.of(2016, 8, 1, 8, 58, 57);
    int qn;

    @Override
    public String mn() {
      return MN;
    }

    @Override
    public String password() {
      return pw;
    }

    @Override
    public String st() {
      return "32";
    }

    @Override
    public LocalDateTime time() {
      return time;
    }

    @Override
    public void setTime(LocalDateTime t) {
      time = t;
    }

    @Override
    public int realtimeInterval() {
      return rt;
    }

    @Override
    public void setRealtimeInterval(int seconds) {
      rt = seconds;
    }

    @Override
    public int minuteInterval() {
      return min;
    }

    @Override
    public void setMinuteInterval(int minutes) {
      min = minutes;
    }

    @Override
    public void setPassword(String password) {
      pw = password;
    }

    @Override
    public void setTimeout(int seconds, int retries) {
      overTime = seconds;
      reCount = retries;
    }

    @Override
    public List<String> history(String cn, LocalDateTime begin, LocalDateTime end) {
      List<String> records = new ArrayList<>();
      if (cn.equals("2051")) {
        for (String[] r :
            new String[][] {
              {"20160801084000", "w01001-Avg=7.5,w01001-Flag=N"},
              {"20160801085000", "w01001-Flag=B"},
              {"20160801090000", "w01001-Flag=B"}
            }) {
          LocalDateTime t = LocalDateTime.parse(r[0], Qn.TIME);
          if (!t.isBefore(begin) && !t.isAfter(end)) {
            records.add("DataTime=" + r[0] + ";" + r[1]);
          }
        }
      }
      return records;
    }

    @Override
    public String nextQn() {
      return "20261207120000" + String.format("%03d", qn++);
    }

    @Override
    public String toString() {
      return "rt="
          + rt
          + " min="
          + min
          + " pw="
          + pw
          + " ot="
          + overTime
          + "/"
          + reCount
          + " t="
          + Qn.TIME.format(time);
    }
  }
}
