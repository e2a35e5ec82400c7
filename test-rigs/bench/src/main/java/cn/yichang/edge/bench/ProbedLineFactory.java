package cn.yichang.edge.bench;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.SerialLine;
import cn.yichang.edge.serial.SerialLineFactory;
import java.io.IOException;

/**
 * Passes every call through to the real line factory and times, on the bus thread, what the gateway
 * does between frames: from the read that completed a reply to the write of the next request (the
 * gateway's idle time, which it should keep at the line's silence), and how long the write call
 * itself takes. Two {@link System#nanoTime()} calls per read or write.
 */
final class ProbedLineFactory implements SerialLineFactory {

  /** Gaps between a reply and the next request, and write-call durations, in nanoseconds. */
  record Figures(
      long gaps, long meanGapNanos, long minGapNanos, long maxGapNanos, long meanWriteNanos) {

    static final Figures NONE = new Figures(0, 0, 0, 0, 0);
  }

  private final SerialLineFactory delegate;
  // written by the bus thread, read by the harness: all under the monitor
  private long gaps;
  private long gapSum;
  private long gapMin = Long.MAX_VALUE;
  private long gapMax;
  private long writes;
  private long writeSum;

  ProbedLineFactory(SerialLineFactory delegate) {
    this.delegate = delegate;
  }

  @Override
  public SerialLine open(LineSettings settings) throws IOException {
    return new ProbedLine(delegate.open(settings));
  }

  synchronized Figures figures() {
    return gaps == 0
        ? Figures.NONE
        : new Figures(gaps, gapSum / gaps, gapMin, gapMax, writes == 0 ? 0 : writeSum / writes);
  }

  synchronized void reset() {
    gaps = 0;
    gapSum = 0;
    gapMin = Long.MAX_VALUE;
    gapMax = 0;
    writes = 0;
    writeSum = 0;
  }

  private synchronized void wrote(long lastReadNanos, long startNanos, long endNanos) {
    if (lastReadNanos != 0) {
      long gap = startNanos - lastReadNanos;
      gaps++;
      gapSum += gap;
      gapMin = Math.min(gapMin, gap);
      gapMax = Math.max(gapMax, gap);
    }
    writes++;
    writeSum += endNanos - startNanos;
  }

  private final class ProbedLine implements SerialLine {
    private final SerialLine line;
    private long lastReadNanos;

    ProbedLine(SerialLine line) {
      this.line = line;
    }

    @Override
    public LineSettings settings() {
      return line.settings();
    }

    @Override
    public void write(byte[] data) throws IOException {
      long start = System.nanoTime();
      line.write(data);
      wrote(lastReadNanos, start, System.nanoTime());
      lastReadNanos = 0;
    }

    @Override
    public int read(byte[] buffer, int offset, int len, long timeoutNanos) throws IOException {
      int n = line.read(buffer, offset, len, timeoutNanos);
      if (n > 0) {
        lastReadNanos = System.nanoTime();
      }
      return n;
    }

    @Override
    public void discardInput() throws IOException {
      line.discardInput();
    }

    @Override
    public void close() {
      line.close();
    }
  }
}
