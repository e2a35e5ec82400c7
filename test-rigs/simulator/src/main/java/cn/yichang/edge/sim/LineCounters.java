package cn.yichang.edge.sim;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The running counters of one simulated line. Written by the serving thread, read by anyone through
 * {@link #snapshot}.
 */
final class LineCounters {

  final AtomicLong requests = new AtomicLong();
  final AtomicLong replies = new AtomicLong();
  final AtomicLong early = new AtomicLong();
  final AtomicLong broadcasts = new AtomicLong();
  final AtomicLong unknownUnit = new AtomicLong();
  private final AtomicLong shortestIdle = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong totalLateness = new AtomicLong();
  private final AtomicLong maxLateness = new AtomicLong();
  private final AtomicLong noiseBursts = new AtomicLong();
  private final AtomicLong noiseBytes = new AtomicLong();
  private volatile long crcErrors;
  private volatile long discardedBytes;

  void idleBeforeRequest(long nanos) {
    if (nanos >= 0) {
      shortestIdle.accumulateAndGet(nanos, Math::min);
    }
  }

  void replyLate(long nanos) {
    totalLateness.addAndGet(nanos);
    maxLateness.accumulateAndGet(nanos, Math::max);
  }

  void noise(int bytes) {
    noiseBursts.incrementAndGet();
    noiseBytes.addAndGet(bytes);
  }

  void receiveErrors(RequestAssembler assembler) {
    crcErrors = assembler.crcErrors();
    discardedBytes = assembler.discardedBytes();
  }

  LineStatistics snapshot(Collection<SimulatedUnit> units) {
    Map<Integer, UnitStatistics> perUnit = new TreeMap<>();
    units.forEach(unit -> perUnit.put(unit.address(), unit.statistics()));
    long shortest = shortestIdle.get();
    long replied = replies.get();
    return new LineStatistics(
        requests.get(),
        replied,
        early.get(),
        broadcasts.get(),
        unknownUnit.get(),
        crcErrors,
        discardedBytes,
        shortest == Long.MAX_VALUE ? -1 : shortest,
        replied == 0 ? 0 : totalLateness.get() / replied,
        maxLateness.get(),
        perUnit,
        noiseBursts.get(),
        noiseBytes.get());
  }
}
