package cn.yichang.edge.bench;

import cn.yichang.edge.reading.ReadingPublisher;
import cn.yichang.edge.reading.ReadingSet;
import java.util.Arrays;

/**
 * The benchmark's reading publisher: counts complete and incomplete reading sets, and while
 * measuring stamps every complete one, so that the rate can be taken over whole rounds (every
 * device polled the same number of times) instead of over a window whose edges cut rounds.
 */
final class PollCounter implements ReadingPublisher {

  private final int devices;
  private long complete;
  private long incomplete;
  private boolean measuring;
  private long windowStart;
  private long windowEnd;
  private long measuredIncomplete;
  private long[] stamps = new long[1024];
  private int stamped;

  PollCounter(int devices) {
    this.devices = devices;
  }

  @Override
  public synchronized void publish(ReadingSet readings) {
    long now = System.nanoTime();
    if (!readings.complete()) {
      incomplete++;
      measuredIncomplete += measuring ? 1 : 0;
      return;
    }
    complete++;
    if (measuring) {
      if (stamped == stamps.length) {
        stamps = Arrays.copyOf(stamps, 2 * stamps.length);
      }
      stamps[stamped++] = now;
    }
  }

  synchronized void startMeasuring() {
    measuring = true;
    windowStart = System.nanoTime();
  }

  synchronized void stopMeasuring() {
    measuring = false;
    windowEnd = System.nanoTime();
  }

  /** Complete polls within the measuring window. */
  synchronized long measuredPolls() {
    return stamped;
  }

  synchronized long measuredIncomplete() {
    return measuredIncomplete;
  }

  synchronized double windowSeconds() {
    return (windowEnd - windowStart) / 1e9;
  }

  /**
   * Complete polls per second between the first complete poll of the window and the last one that
   * closes a whole number of rounds; the plain count over the window if there was not even one
   * round.
   */
  synchronized double pollsPerSecond() {
    int polls = stamped - 1;
    int whole = polls / devices * devices;
    if (whole == 0) {
      return stamped / windowSeconds();
    }
    return whole * 1e9 / (stamps[whole] - stamps[0]);
  }
}
