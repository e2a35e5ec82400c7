package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingPublisher;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.SerialLine;
import cn.yichang.edge.serial.SerialLineFactory;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device that talks without being asked (an NMEA receiver): one thread owns its port, feeds what
 * arrives to the parser and publishes the latest values at most once per interval ({@link
 * LatestValues}). A port that cannot be opened or fails is reopened (1 s doubling to 30 s).
 */
final class StreamingSerialDevice implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamingSerialDevice.class);
  private static final long READ_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long MIN_REOPEN_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long MAX_REOPEN_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final long REJECT_LOG_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final String id;
  private final LineSettings settings;
  private final SerialLineFactory lines;
  private final MessageParser parser;
  private final ReadingPublisher publisher;
  private final Clock clock;
  private final LatestValues latest;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long messages;
  private volatile long rejected;
  private long lastRejectLog = System.nanoTime() - REJECT_LOG_NANOS;
  private long reopenNanos = MIN_REOPEN_NANOS;

  StreamingSerialDevice(
      String id,
      LineSettings settings,
      SerialLineFactory lines,
      MessageParser parser,
      Duration interval,
      Duration stale,
      ReadingPublisher publisher,
      Clock clock) {
    this.id = id;
    this.settings = settings;
    this.lines = lines;
    this.parser = parser;
    this.publisher = publisher;
    this.clock = clock;
    this.latest =
        new LatestValues(parser.fields(), interval.toNanos(), stale.toNanos(), System.nanoTime());
    this.thread = new Thread(this::run, "serial-" + id);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  long messages() {
    return messages;
  }

  long rejected() {
    return rejected;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(3));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    byte[] buffer = new byte[256];
    MessageParser.Listener listener = new Listener();
    while (running) {
      SerialLine line = open();
      if (line == null) {
        continue;
      }
      try (line) {
        parser.reset();
        while (running && !Thread.currentThread().isInterrupted()) {
          int n = line.read(buffer, 0, buffer.length, READ_SLICE_NANOS);
          if (n > 0) {
            parser.feed(buffer, 0, n, listener);
          } else {
            publish(latest.idle(System.nanoTime()));
          }
        }
      } catch (IOException | RuntimeException e) {
        if (running) {
          LOG.warn("{}: {} failed: {}; reopening", id, settings.port(), e.getMessage());
          pause(MIN_REOPEN_NANOS);
        }
      }
    }
  }

  private SerialLine open() {
    try {
      SerialLine line = lines.open(settings);
      LOG.info("{}: opened {} at {} baud", id, settings.port(), settings.baud());
      reopenNanos = MIN_REOPEN_NANOS;
      return line;
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: {}; retrying in {} s", id, e.getMessage(), reopenNanos / 1_000_000_000L);
      publish(latest.idle(System.nanoTime()));
      pause(reopenNanos);
      reopenNanos = Math.min(2 * reopenNanos, MAX_REOPEN_NANOS);
      return null;
    }
  }

  private void pause(long nanos) {
    long end = System.nanoTime() + nanos;
    long left;
    while (running && (left = end - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }

  /** The latest values as they stand, not published (a remote read). */
  ReadingSet current() {
    return new ReadingSet(id, clock.instant(), latest.current(System.nanoTime()));
  }

  private void publish(List<PointReading> readings) {
    if (readings == null) {
      return;
    }
    try {
      publisher.publish(new ReadingSet(id, clock.instant(), readings));
    } catch (RuntimeException e) {
      LOG.warn("{}: publishing the readings failed", id, e);
    }
  }

  private final class Listener implements MessageParser.Listener {
    @Override
    public void message(List<PointReading> readings) {
      messages++;
      publish(latest.message(readings, System.nanoTime()));
    }

    @Override
    public void rejected(String reason, String detail) {
      rejected++;
      long now = System.nanoTime();
      if (now - lastRejectLog >= REJECT_LOG_NANOS) {
        lastRejectLog = now;
        LOG.warn("{}: {} ({} rejected so far; logged once a minute)", id, detail, rejected);
      }
    }
  }
}
