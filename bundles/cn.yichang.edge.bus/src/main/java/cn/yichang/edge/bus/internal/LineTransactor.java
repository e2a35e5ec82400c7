package cn.yichang.edge.bus.internal;

import cn.yichang.edge.bus.CorruptFrameException;
import cn.yichang.edge.bus.DeviceRejectedException;
import cn.yichang.edge.bus.ResponseTimeoutException;
import cn.yichang.edge.bus.TransactionException;
import cn.yichang.edge.bus.Transactor;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.SerialLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * Runs transactions on one open line: keeps the inter-frame silence, bounds every read by the
 * response timeout, and counts each outcome for the bus and for the device being polled.
 */
public final class LineTransactor implements Transactor {

  /**
   * Allowed pause inside a frame beyond its wire time: USB adapters deliver in bursts (an FTDI's
   * latency timer alone is 16 ms), so the 1.5-character rule cannot be enforced on the receiving
   * side of a gateway.
   */
  static final long INTER_BYTE_TOLERANCE_NANOS = 50_000_000L;

  private static final long MAX_DRAIN_NANOS = 300_000_000L;

  private final SerialLine line;
  private final long responseTimeoutNanos;
  private final Counters busCounters;
  private final Clock clock;
  private Counters deviceCounters;
  private long lineFreeAt = System.nanoTime();
  private final byte[] stray = new byte[64];

  LineTransactor(SerialLine line, long responseTimeoutNanos, Counters busCounters, Clock clock) {
    this.line = line;
    this.responseTimeoutNanos = responseTimeoutNanos;
    this.busCounters = busCounters;
    this.clock = clock;
  }

  /**
   * A transactor on a line of its own, outside any bus (the {@code scan} and {@code read}
   * commands): the same silence, timeouts and draining, with counters nobody reads.
   */
  public static Transactor standalone(SerialLine line, Duration responseTimeout) {
    LineTransactor transactor =
        new LineTransactor(line, responseTimeout.toNanos(), new Counters(), Clock.systemUTC());
    transactor.pollingFor(new Counters());
    return transactor;
  }

  /** The device whose counters the next transactions go to. */
  void pollingFor(Counters deviceCounters) {
    this.deviceCounters = deviceCounters;
  }

  @Override
  public LineSettings settings() {
    return line.settings();
  }

  @Override
  public byte[] transact(byte[] request, FrameReader reader)
      throws TransactionException, InterruptedException {
    Pacing.waitUntil(lineFreeAt);
    if (strayBytesWaiting()) {
      // Noise, or a device talking out of turn: the line was not silent, so wait until it is
      // rather than send into it. Counted with the garbled frames.
      busCounters.corruptFrame();
      deviceCounters.corruptFrame();
      drain();
      Pacing.waitUntil(lineFreeAt);
    }
    busCounters.transaction();
    deviceCounters.transaction();
    FrameIn in;
    try {
      line.write(request);
      long requestEnd = System.nanoTime() + settings().wireNanos(request.length);
      in = new FrameIn(requestEnd + responseTimeoutNanos);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      byte[] frame = reader.read(in);
      busCounters.success(clock.instant());
      deviceCounters.success(clock.instant());
      lineFreeAt = in.lastByteAt + settings().silenceNanos();
      return frame;
    } catch (DeviceRejectedException e) {
      busCounters.exception(clock.instant());
      deviceCounters.exception(clock.instant());
      lineFreeAt = in.lastByteAt + settings().silenceNanos();
      throw e;
    } catch (ResponseTimeoutException e) {
      busCounters.timeout();
      deviceCounters.timeout();
      drainIfPartial(in);
      throw e;
    } catch (CorruptFrameException e) {
      busCounters.corruptFrame();
      deviceCounters.corruptFrame();
      drain();
      throw e;
    }
  }

  private boolean strayBytesWaiting() {
    try {
      return line.read(stray, 0, stray.length, 0) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void drainIfPartial(FrameIn in) throws InterruptedException {
    if (in.received > 0) {
      drain();
    } else {
      lineFreeAt = System.nanoTime() + settings().silenceNanos();
    }
  }

  /** Throws away the rest of a bad frame: reads until the line has been quiet for a while. */
  private void drain() throws InterruptedException {
    long quiet = Math.max(2 * settings().silenceNanos(), 5_000_000L);
    long giveUp = System.nanoTime() + MAX_DRAIN_NANOS;
    byte[] scratch = new byte[256];
    try {
      line.discardInput();
      while (System.nanoTime() < giveUp && line.read(scratch, 0, scratch.length, quiet) > 0) {
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lineFreeAt = System.nanoTime() + settings().silenceNanos();
  }

  /** The response being received: the first byte is due by a deadline, the rest at wire pace. */
  private final class FrameIn implements FrameInput {
    private final long firstByteDeadline;
    private long lastByteAt;
    private int received;

    FrameIn(long firstByteDeadline) {
      this.firstByteDeadline = firstByteDeadline;
      this.lastByteAt = System.nanoTime();
    }

    @Override
    public byte[] readExactly(int n) throws ResponseTimeoutException {
      byte[] out = new byte[n];
      int got = 0;
      while (got < n) {
        long deadline =
            received == 0
                ? firstByteDeadline
                : lastByteAt + settings().wireNanos(n - got) + INTER_BYTE_TOLERANCE_NANOS;
        int k = readBy(deadline, out, got, n - got);
        got += k;
        received += k;
        lastByteAt = System.nanoTime();
      }
      return n == out.length ? out : Arrays.copyOf(out, got);
    }

    @Override
    public byte[] readSome(int max) throws ResponseTimeoutException {
      byte[] out = new byte[Math.max(1, max)];
      long deadline =
          received == 0
              ? firstByteDeadline
              : lastByteAt + settings().wireNanos(1) + INTER_BYTE_TOLERANCE_NANOS;
      int k = readBy(deadline, out, 0, out.length);
      received += k;
      lastByteAt = System.nanoTime();
      return Arrays.copyOf(out, k);
    }

    /**
     * Reads at least one byte by the deadline. Once it has passed, what is already received still
     * counts: a bus thread descheduled past the deadline (a GC pause, a busy gateway) must not call
     * an answer that is waiting in the buffer a timeout.
     */
    private int readBy(long deadline, byte[] out, int offset, int len)
        throws ResponseTimeoutException {
      while (true) {
        long remaining = deadline - System.nanoTime();
        int k;
        try {
          k = line.read(out, offset, len, Math.max(0, remaining));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (k > 0) {
          return k;
        }
        if (remaining <= 0) {
          throw new ResponseTimeoutException(
              received == 0
                  ? "no response within " + responseTimeoutNanos / 1_000_000 + " ms"
                  : "response stopped after " + received + " bytes");
        }
      }
    }
  }
}
