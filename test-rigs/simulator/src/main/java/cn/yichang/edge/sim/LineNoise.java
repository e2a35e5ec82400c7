package cn.yichang.edge.sim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Noise waiting to be put on a line ({@link PacedRtuSlave#injectNoise}): queued by any thread,
 * written by the serving thread when the line is idle.
 */
final class LineNoise {

  private final Queue<byte[]> pending = new ConcurrentLinkedQueue<>();
  private final Random random = new Random();

  byte[] random(int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("noise needs at least one byte: " + bytes);
    }
    byte[] garbage = new byte[bytes];
    synchronized (random) {
      random.nextBytes(garbage);
    }
    return garbage;
  }

  void add(byte[] bytes) {
    pending.add(bytes.clone());
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  /** Writes what is pending once the line is silent after its last frame, and counts it. */
  void writePending(FileChannel output, WireClock clock, LineCounters counters) throws IOException {
    WireClock.parkUntil(clock.silentAtNanos());
    for (byte[] bytes = pending.poll(); bytes != null; bytes = pending.poll()) {
      ByteBuffer out = ByteBuffer.wrap(bytes);
      while (out.hasRemaining()) {
        output.write(out);
      }
      clock.replyWrittenAt(System.nanoTime());
      counters.noise(bytes.length);
    }
  }
}
