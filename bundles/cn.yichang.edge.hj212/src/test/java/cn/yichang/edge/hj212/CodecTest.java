package cn.yichang.edge.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodecTest {

  /** The two packets published with their CRCs (../shared/interop/hj212.md). */
  static final String SAMPLE_1 =
      "##0109ST=32;CN=2011;PW=123456;MN=NJGDKYYC202101q0001w0001;CP=&&DataTime=20210305003817000;"
          + "ele01-Rtd=1;ele02-Rtd=0&&8c41\r\n";

  static final String SAMPLE_2 =
      "##0435QN=20210301111100112;ST=21;CN=2011;PW=123456;MN=ZLDSZ20210127;Flag=8;CP=&&"
          + "DataTime=20210301111100;w01001-Rtd=8.33,w01001-Flag=N;w01009-Rtd=10.15,w01009-Flag=N;"
          + "w01010-Rtd=9.7,w01010-Flag=N;w01014-Rtd=1425,w01014-Flag=N;w01003-Rtd=13.10,"
          + "w01003-Flag=N;w21011-Rtd=0,w21011-Flag=N;w21001-Rtd=3.563168,w21001-Flag=N;"
          + "w21003-Rtd=0.09055002,w21003-Flag=N;w01019-Rtd=4.102818,w01019-Flag=N;w01008-Rtd=0,"
          + "w01008-Flag=N;w23002-Rtd=0,w23002-Flag=N&&7d00\r\n";

  /** The standard's one complete frame (appendix A), with its upper-case CRC. */
  static final String STANDARD_FRAME =
      "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;"
          + "CP=&&RtdInterval=30&&1C80\r\n";

  final List<String> frames = new ArrayList<>();
  final List<String> refused = new ArrayList<>();
  final FrameReader reader =
      new FrameReader(
          new FrameReader.Listener() {
            @Override
            public void frame(String data) {
              frames.add(data);
            }

            @Override
            public void refused(String reason) {
              refused.add(reason);
            }
          });

  @Test
  void thePublishedSamplesReadAndAreWrittenAgainByteForByte() throws Exception {
    // the standard writes its CRCs in upper case, as the gateway sends them; the samples in lower
    for (String sample : List.of(SAMPLE_1, SAMPLE_2, STANDARD_FRAME)) {
      String data = sample.substring(6, sample.length() - 6);
      assertThat(Crc.hex(Crc.of(data.getBytes(StandardCharsets.US_ASCII))))
          .isEqualToIgnoringCase(sample.substring(sample.length() - 6, sample.length() - 2));
      assertThat(new String(Frames.frame(Packet.parse(data)), StandardCharsets.US_ASCII))
          .isEqualToIgnoringCase(sample);
      reader.feed(ascii(sample));
    }
    assertThat(new String(Frames.frame(Packet.parse(STANDARD_FRAME.substring(6, 107)))))
        .isEqualTo(STANDARD_FRAME);
    assertThat(frames).hasSize(3);
    Packet p = Packet.parse(SAMPLE_2.substring(6, SAMPLE_2.length() - 6));
    assertThat(p.qn()).isEqualTo("20210301111100112");
    assertThat(p.st()).isEqualTo("21");
    assertThat(p.cn()).isEqualTo("2011");
    assertThat(p.mn()).isEqualTo("ZLDSZ20210127");
    assertThat(p.flag()).isEqualTo(8);
    assertThat(p.cp().get("w01009-Rtd")).contains("10.15");
    assertThat(p.cp().groups()).hasSize(12);
    assertThat(p.cp().groups().get(1))
        .containsExactly(Map.entry("w01001-Rtd", "8.33"), Map.entry("w01001-Flag", "N"));
    Packet q = Packet.parse(SAMPLE_1.substring(6, SAMPLE_1.length() - 6));
    assertThat(q.qn()).isNull();
    assertThat(q.flag()).isNull();
    assertThat(q.acknowledgeRequested()).isFalse();
  }

  @ParameterizedTest(name = "CN {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2011|21|5|DataTime=20261207120000;w01001-Rtd=7.21,w01001-Flag=N;w01009-Rtd=8.4,w01009-Flag=N",
        "2051|21|5|DataTime=20261207121000;w01001-Min=7.1,w01001-Avg=7.2,w01001-Max=7.3,w01001-Flag=N",
        "2061|21|5|DataTime=20261207120000;w00000-Cou=36.5,w00000-Flag=N",
        "2031|21|5|DataTime=20261206000000;w01003-Min=3.1,w01003-Avg=4.0,w01003-Max=9.9,w01003-Flag=D",
        "9011|91|4|QnRtn=1",
        "9012|91|4|ExeRtn=1",
        "9014|91|4|",
        "1011|21|5|",
        "1012|21|5|SystemTime=20261207120000",
        "1062|21|5|RtdInterval=30",
        "1064|21|5|MinInterval=10",
        "1072|21|5|NewPW=654321",
        "1000|21|5|OverTime=5;ReCount=3",
        "2051|21|5|BeginTime=20261207110000;EndTime=20261207120000",
      })
  void everyCommandTheGatewaySendsOrAnswersRoundTrips(String cn, String st, int flag, String cp)
      throws Exception {
    String data =
        "QN=20261207120000123;ST="
            + st
            + ";CN="
            + cn
            + ";PW=123456;MN=YC0001WQ0000000000000001;"
            + "Flag="
            + flag
            + ";CP=&&"
            + (cp == null ? "" : cp)
            + "&&";
    byte[] frame = Frames.frame(Packet.parse(data));
    reader.feed(frame);
    assertThat(refused).isEmpty();
    assertThat(frames).containsExactly(data);
    Packet back = Packet.parse(frames.get(0));
    assertThat(back.cn()).isEqualTo(cn);
    assertThat(back.acknowledgeRequested()).isEqualTo((flag & 1) == 1);
    assertThat(back.cp().toString()).isEqualTo(cp == null ? "" : cp);
  }

  @Test
  void dataOver1024BytesIsSplitBetweenGroupsWithPnumAndPno() throws Exception {
    CpFields.Builder cp = CpFields.builder().field("DataTime", "20261207120000");
    for (int i = 0; i < 60; i++) {
      Map<String, String> g = new LinkedHashMap<>();
      g.put(String.format("w%05d-Rtd", i), "123.456789");
      g.put(String.format("w%05d-Flag", i), "N");
      cp.group(g);
    }
    Packet big =
        new Packet("20261207120000123", "21", "2011", "123456", "MN1", 5, 0, 0, cp.build());
    List<Packet> parts = Frames.split(big);
    assertThat(parts).hasSizeGreaterThan(1);
    List<Map<String, String>> groups = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Packet part = parts.get(i);
      assertThat(part.data().length()).isLessThanOrEqualTo(Frames.MAX_DATA);
      assertThat(part.pnum()).isEqualTo(parts.size());
      assertThat(part.pno()).isEqualTo(i + 1);
      assertThat(part.flag()).isEqualTo(5 | Packet.FLAG_SPLIT);
      assertThat(part.qn()).isEqualTo("2026120712000012" + (3 + i));
      Packet read = Packet.parse(part.data());
      assertThat(read).isEqualTo(part);
      assertThat(read.cp().groups().get(0)).isEqualTo(Map.of("DataTime", "20261207120000"));
      groups.addAll(read.cp().groups().subList(1, read.cp().groups().size()));
    }
    assertThat(groups).isEqualTo(big.cp().groups().subList(1, big.cp().groups().size()));
    assertThat(Frames.split(parts.get(0))).containsExactly(parts.get(0));
  }

  @Test
  void malformedInputIsRefusedWithWhyAndTheGoodFramesAroundItAreRead() throws Exception {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes("hello stranger\r\n".getBytes(StandardCharsets.US_ASCII));
    in.writeBytes(ascii(SAMPLE_1));
    in.writeBytes(ascii(SAMPLE_1.replace("8c41", "8c42"))); // bad CRC
    in.writeBytes(ascii("##01x9" + SAMPLE_1.substring(6))); // bad length
    in.writeBytes(ascii("##2000" + SAMPLE_1.substring(6))); // over 1024
    in.writeBytes(ascii("##0109" + SAMPLE_1.substring(6, 40))); // cut short, then a frame
    in.writeBytes(ascii(SAMPLE_2));
    byte[] nonAscii = ascii(SAMPLE_1);
    nonAscii[20] = (byte) 0xE4;
    in.writeBytes(nonAscii);
    in.writeBytes(ascii("###" + SAMPLE_2.substring(2))); // a stray # before a frame
    reader.feed(in.toByteArray());

    assertThat(frames)
        .containsExactly(
            SAMPLE_1.substring(6, SAMPLE_1.length() - 6),
            SAMPLE_2.substring(6, SAMPLE_2.length() - 6),
            SAMPLE_2.substring(6, SAMPLE_2.length() - 6));
    assertThat(String.join("\n", refused))
        .contains("16 bytes outside any frame")
        .contains("CRC 8c42, the data gives 8C41")
        .contains("no length after ## (\"01x9\")")
        .contains("a data segment of 2000 bytes, over 1024")
        .contains("not printable ASCII");
  }

  @Test
  void aFrameThatReadsButIsNoPacketIsRefusedByTheParser() {
    for (String data :
        List.of(
            "QN=1;ST=21;CN=2011;PW=1;MN=M;CP=&&x=1&&",
            "ST=21;CN=2011;PW=1;MN=M;CP=&&DataTime=1",
            "ST=21;CN=2011;PW=1;MN=M;CP=&&a=1;;b=2&&",
            "ST=21;CN=2011;PW=1;CP=&&&&",
            "ST=21;CN=2011;PW=1;MN=M;Colour=red;CP=&&&&",
            "ST=21;CN=2011;PW=1;MN=M;Flag=x;CP=&&&&")) {
      assertThatThrownBy(() -> Packet.parse(data))
          .as(data)
          .isInstanceOf(MalformedPacketException.class);
    }
  }

  @Test
  void tenMegabytesWithoutAFrameAreDroppedAsTheyComeAndReportedInSteps() {
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) 'x');
    for (int i = 0; i < 160; i++) {
      reader.feed(chunk);
    }
    reader.feed(ascii(SAMPLE_1));
    assertThat(refused).hasSize(160).allMatch(r -> r.equals("65536 bytes outside any frame"));
    assertThat(frames).hasSize(1);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
