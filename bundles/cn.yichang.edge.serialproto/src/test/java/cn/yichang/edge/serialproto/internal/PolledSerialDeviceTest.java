package cn.yichang.edge.serialproto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.bus.CorruptFrameException;
import cn.yichang.edge.bus.ResponseTimeoutException;
import cn.yichang.edge.bus.TransactionException;
import cn.yichang.edge.bus.Transactor;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A polled device against an in-memory transactor that answers as scripted. */
class PolledSerialDeviceTest {

  private final List<ReadingSet> published = new ArrayList<>();

  @Test
  void sendsTheProfilesRequestAndPublishesTheAnswer() throws Exception {
    Scripted line = new Scripted(req -> FrameParserTest.bytes(FrameParserTest.STATUS));
    PolledSerialDevice radar = radar();

    assertThat(radar.poll(line)).isTrue();

    assertThat(HexFormat.of().formatHex(line.requests.get(0))).isEqualTo("5359808f00010fcb5443");
    assertThat(published).hasSize(1);
    assertThat(published.get(0).complete()).isTrue();
    assertThat(values(published.get(0)))
        .containsExactly(true, false, false, 1L, 12L, 1.85, 72L, 16L, 3L);
  }

  @Test
  void skipsAnUnsolicitedReportBeforeTheAnswer() throws Exception {
    byte[] report = FrameParserTest.bytes(FrameParserTest.radar("80 01", "01"));
    byte[] status = FrameParserTest.bytes(FrameParserTest.STATUS);
    Scripted line = new Scripted(req -> concat(report, status));

    assertThat(radar().poll(line)).isTrue();
    assertThat(published.get(0).complete()).isTrue();
  }

  @Test
  void aGarbledAnswerFailsEveryPointWithTheReason() throws Exception {
    Scripted line =
        new Scripted(
            req -> FrameParserTest.bytes(FrameParserTest.flip(FrameParserTest.STATUS, 14)));

    assertThat(radar().poll(line)).isFalse();
    assertThat(line.corrupt).isEqualTo(1);
    assertThat(published.get(0).points())
        .extracting(PointReading::error)
        .containsOnly("checksum error");
  }

  @Test
  void aSilentDeviceFailsEveryPointWithTimeout() throws Exception {
    assertThat(radar().poll(new Scripted(req -> new byte[0]))).isFalse();
    assertThat(published.get(0).points()).extracting(PointReading::error).containsOnly("timeout");
  }

  @Test
  void anAsciiAnswerFillsItsFieldsAndAnswersOfNoKindAreSkipped() throws Exception {
    PolledSerialDevice weather =
        new PolledSerialDevice(
            "wx",
            Duration.ofSeconds(1),
            Specs.weather().command().getBytes(StandardCharsets.ISO_8859_1),
            Duration.ofSeconds(1),
            new LineParser(Specs.weather()),
            published::add,
            Clock.systemUTC());
    Scripted line =
        new Scripted(
            req ->
                ("0R0\r\n0R0,Dm=180D,Sm=1.0M,Ta=20.0C,Ua=50.0P,Pa=1000.0H,Rc=0.00M,Sr=0.0W\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));

    assertThat(weather.poll(line)).isTrue();
    assertThat(new String(line.requests.get(0), StandardCharsets.ISO_8859_1)).isEqualTo("0R0\r\n");
    assertThat(values(published.get(0))).containsExactly(180L, 1.0, 20.0, 50.0, 1000.0, 0.0, 0.0);
  }

  private PolledSerialDevice radar() {
    return new PolledSerialDevice(
        "radar",
        Duration.ofSeconds(1),
        Specs.radar().request(),
        Duration.ofMillis(500),
        new FrameParser(Specs.radar()),
        published::add,
        Clock.systemUTC());
  }

  private static List<Object> values(ReadingSet set) {
    return set.points().stream().map(PointReading::value).toList();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Answers each request with scripted bytes, served three at a time; none is a timeout. */
  private static final class Scripted implements Transactor {
    final List<byte[]> requests = new ArrayList<>();
    final Function<byte[], byte[]> answers;
    int corrupt;

    Scripted(Function<byte[], byte[]> answers) {
      this.answers = answers;
    }

    @Override
    public LineSettings settings() {
      return new LineSettings("/dev/null", 115200, Parity.NONE, 8, 1);
    }

    @Override
    public byte[] transact(byte[] request, FrameReader reader) throws TransactionException {
      requests.add(request);
      byte[] answer = answers.apply(request);
      int[] at = {0};
      FrameInput in =
          new FrameInput() {
            @Override
            public byte[] readExactly(int n) throws ResponseTimeoutException {
              if (at[0] + n > answer.length) {
                throw new ResponseTimeoutException("no response");
              }
              at[0] += n;
              return Arrays.copyOfRange(answer, at[0] - n, at[0]);
            }

            @Override
            public byte[] readSome(int max) throws ResponseTimeoutException {
              return readExactly(Math.max(1, Math.min(3, Math.min(max, answer.length - at[0]))));
            }
          };
      try {
        return reader.read(in);
      } catch (CorruptFrameException e) {
        corrupt++;
        throw e;
      }
    }
  }
}
