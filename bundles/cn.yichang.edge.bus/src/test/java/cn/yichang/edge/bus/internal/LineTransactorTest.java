package cn.yichang.edge.bus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yichang.edge.bus.CorruptFrameException;
import cn.yichang.edge.bus.DeviceRejectedException;
import cn.yichang.edge.bus.ResponseTimeoutException;
import cn.yichang.edge.bus.TransactionCounters;
import cn.yichang.edge.bus.Transactor.FrameReader;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.serial.SerialLine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class LineTransactorTest {
  private static final LineSettings LINE_9600 =
      new LineSettings("/dev/null", 9600, Parity.NONE, 8, 1);

  private final Counters bus = new Counters();
  private final Counters device = new Counters();

  private LineTransactor transactor(ScriptedLine line, long timeoutMillis) {
    LineTransactor t =
        new LineTransactor(
            line, TimeUnit.MILLISECONDS.toNanos(timeoutMillis), bus, Clock.systemUTC());
    t.pollingFor(device);
    return t;
  }

  @Test
  void returnsTheFrameTheReaderAsksForAndCountsASuccess() throws Exception {
    ScriptedLine line = new ScriptedLine(LINE_9600, request -> new byte[] {1, 2, 3, 4, 5});

    byte[] frame = transactor(line, 100).transact(new byte[] {9}, in -> in.readExactly(3));

    assertThat(frame).containsExactly(1, 2, 3);
    assertThat(bus.snapshot().transactions()).isEqualTo(1);
    assertThat(device.snapshot().lastSuccess()).isNotNull();
  }

  @Test
  void readSomeReadsAResponseUpToAnEndItFindsItself() throws Exception {
    ScriptedLine line = new ScriptedLine(LINE_9600, request -> "OK 12\r\nrest".getBytes());

    byte[] frame =
        transactor(line, 100)
            .transact(
                new byte[] {9},
                in -> {
                  java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
                  while (!got.toString().contains("\r\n")) {
                    byte[] some = in.readSome(4);
                    assertThat(some).hasSizeBetween(1, 4);
                    got.write(some, 0, some.length);
                  }
                  return got.toByteArray();
                });

    assertThat(new String(frame)).startsWith("OK 12\r\n");
    assertThat(device.snapshot().lastSuccess()).isNotNull();
  }

  @Test
  void readSomeOnASilentLineIsATimeout() {
    ScriptedLine line = new ScriptedLine(LINE_9600, request -> null);

    assertThatThrownBy(() -> transactor(line, 20).transact(new byte[] {9}, in -> in.readSome(8)))
        .isInstanceOf(ResponseTimeoutException.class)
        .hasMessageContaining("no response within 20 ms");
  }

  @Test
  void aSilentDeviceIsATimeoutForBusAndDevice() {
    ScriptedLine line = new ScriptedLine(LINE_9600, request -> null);

    assertThatThrownBy(() -> transactor(line, 20).transact(new byte[] {9}, in -> in.readExactly(3)))
        .isInstanceOf(ResponseTimeoutException.class)
        .hasMessageContaining("no response within 20 ms");
    assertThat(bus.snapshot())
        .isEqualTo(new TransactionCounters(1, 1, 0, 0, null))
        .isEqualTo(device.snapshot());
  }

  @Test
  void aFrameThatStopsHalfWayIsATimeout() {
    ScriptedLine line = new ScriptedLine(LINE_9600, request -> new byte[] {1, 2});

    assertThatThrownBy(() -> transactor(line, 20).transact(new byte[] {9}, in -> in.readExactly(5)))
        .isInstanceOf(ResponseTimeoutException.class)
        .hasMessageContaining("stopped after 2 bytes");
  }

  @Test
  void aCorruptFrameIsCountedAndItsRestDiscarded() throws Exception {
    List<byte[]> answers = new ArrayList<>(List.of(new byte[] {7, 7, 7, 7}, new byte[] {1, 2}));
    ScriptedLine line = new ScriptedLine(LINE_9600, request -> answers.remove(0));
    LineTransactor transactor = transactor(line, 50);
    FrameReader rejectSevens =
        in -> {
          byte[] head = in.readExactly(1);
          if (head[0] == 7) {
            throw new CorruptFrameException("crc error", "bad");
          }
          return in.readExactly(1);
        };

    assertThatThrownBy(() -> transactor.transact(new byte[] {9}, rejectSevens))
        .isInstanceOf(CorruptFrameException.class);
    // The three 7s left of the bad frame must not be taken as the next response.
    assertThat(transactor.transact(new byte[] {9}, rejectSevens)).containsExactly(2);
    assertThat(bus.snapshot().corruptFrames()).isEqualTo(1);
    assertThat(bus.snapshot().transactions()).isEqualTo(2);
  }

  @Test
  void anExceptionResponseCountsAsAnAnswer() {
    ScriptedLine line = new ScriptedLine(LINE_9600, request -> new byte[] {1});

    assertThatThrownBy(
            () ->
                transactor(line, 50)
                    .transact(
                        new byte[] {9},
                        in -> {
                          in.readExactly(1);
                          throw new DeviceRejectedException("exception 2", "rejected");
                        }))
        .isInstanceOf(DeviceRejectedException.class);
    assertThat(device.snapshot().exceptions()).isEqualTo(1);
    assertThat(device.snapshot().lastSuccess()).isNotNull();
  }

  @Test
  void keepsTheInterFrameSilenceBeforeTheNextRequest() throws Exception {
    ScriptedLine line = new ScriptedLine(LINE_9600, request -> new byte[] {1});
    LineTransactor transactor = transactor(line, 50);

    transactor.transact(new byte[] {9}, in -> in.readExactly(1));
    long answeredAt = line.lastDelivery;
    transactor.transact(new byte[] {9}, in -> in.readExactly(1));

    line.writeTimes.take();
    long secondWrite = line.writeTimes.take();
    // 3.5 characters of 10 bits at 9600 baud.
    assertThat(LINE_9600.silenceNanos()).isEqualTo(3_645_833L);
    assertThat(secondWrite).isGreaterThanOrEqualTo(answeredAt + LINE_9600.silenceNanos());
  }

  @Test
  void waitsOutNoiseOnTheLineBeforeSending() throws Exception {
    ScriptedLine line = new ScriptedLine(LINE_9600, request -> new byte[] {1});
    LineTransactor transactor = transactor(line, 50);
    line.deliver(new byte[] {(byte) 0xAA, 0x55, 0x00});

    byte[] frame = transactor.transact(new byte[] {9}, in -> in.readExactly(1));

    assertThat(frame).containsExactly(1);
    assertThat(bus.snapshot().corruptFrames()).isEqualTo(1);
    assertThat(bus.snapshot().transactions()).isEqualTo(1);
  }

  /**
   * The bus thread is descheduled through the whole wait (a GC pause, a loaded gateway): the timed
   * reads come back empty at their deadline although the answer arrived meanwhile.
   */
  @Test
  void anAnswerWaitingInTheBufferWhenTheDeadlinePassesIsNotATimeout() throws Exception {
    ScriptedLine scripted = new ScriptedLine(LINE_9600, request -> new byte[] {1, 2, 3, 4, 5});
    SerialLine oversleeping =
        new SerialLine() {
          @Override
          public LineSettings settings() {
            return scripted.settings();
          }

          @Override
          public void write(byte[] data) {
            scripted.write(data);
          }

          @Override
          public int read(byte[] buffer, int offset, int len, long timeoutNanos) {
            if (timeoutNanos > 0) {
              LockSupport.parkNanos(timeoutNanos);
              return 0;
            }
            return scripted.read(buffer, offset, len, 0);
          }

          @Override
          public void discardInput() {
            scripted.discardInput();
          }

          @Override
          public void close() {}
        };
    LineTransactor t =
        new LineTransactor(oversleeping, TimeUnit.MILLISECONDS.toNanos(20), bus, Clock.systemUTC());
    t.pollingFor(device);

    assertThat(t.transact(new byte[] {9}, in -> in.readExactly(5))).containsExactly(1, 2, 3, 4, 5);
    assertThat(t.transact(new byte[] {9}, in -> in.readSome(8))).containsExactly(1, 2, 3, 4, 5);
    assertThat(bus.snapshot().timeouts()).isZero();
  }
}
