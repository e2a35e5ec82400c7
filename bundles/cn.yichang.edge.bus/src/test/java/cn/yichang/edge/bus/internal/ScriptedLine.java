package cn.yichang.edge.bus.internal;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.SerialLine;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** An in-memory line whose "device" answers each request with what a function returns. */
final class ScriptedLine implements SerialLine {
  private final LineSettings settings;
  private final Function<byte[], byte[]> device;
  private final BlockingQueue<Byte> input = new LinkedBlockingQueue<>();
  final BlockingQueue<Long> writeTimes = new LinkedBlockingQueue<>();
  volatile boolean closed;
  volatile long lastDelivery;

  ScriptedLine(LineSettings settings, Function<byte[], byte[]> device) {
    this.settings = settings;
    this.device = device;
  }

  @Override
  public LineSettings settings() {
    return settings;
  }

  @Override
  public void write(byte[] data) {
    writeTimes.add(System.nanoTime());
    byte[] answer = device.apply(data);
    if (answer != null) {
      for (byte b : answer) {
        input.add(b);
      }
    }
  }

  /** Bytes arriving without a request: noise, or a device talking out of turn. */
  void deliver(byte[] bytes) {
    for (byte b : bytes) {
      input.add(b);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int len, long timeoutNanos) {
    try {
      Byte first = input.poll(timeoutNanos, TimeUnit.NANOSECONDS);
      if (first == null) {
        return 0;
      }
      buffer[offset] = first;
      int n = 1;
      Byte next;
      while (n < len && (next = input.poll()) != null) {
        buffer[offset + n++] = next;
      }
      lastDelivery = System.nanoTime();
      return n;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  @Override
  public void discardInput() {
    input.clear();
  }

  @Override
  public void close() {
    closed = true;
  }
}
