package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.SerialLine;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An in-memory serial line: what is written is answered by a function; the device can also talk.
 */
final class MemoryLine implements SerialLine {
  private final LineSettings settings;
  private final Function<byte[], byte[]> device;
  private final BlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();
  private byte[] pending = new byte[0];
  volatile boolean closed;

  MemoryLine(LineSettings settings, Function<byte[], byte[]> device) {
    this.settings = settings;
    this.device = device;
  }

  /** The device sends without being asked. */
  void talk(byte[] bytes) {
    incoming.add(bytes.clone());
  }

  @Override
  public LineSettings settings() {
    return settings;
  }

  @Override
  public void write(byte[] data) throws IOException {
    if (closed) {
      throw new IOException("closed");
    }
    byte[] answer = device.apply(data);
    if (answer != null && answer.length > 0) {
      incoming.add(answer);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int len, long timeoutNanos) throws IOException {
    if (closed) {
      throw new IOException("closed");
    }
    if (pending.length == 0) {
      try {
        byte[] next = incoming.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        if (next == null) {
          return 0;
        }
        pending = next;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      }
    }
    int n = Math.min(len, pending.length);
    System.arraycopy(pending, 0, buffer, offset, n);
    pending = Arrays.copyOfRange(pending, n, pending.length);
    return n;
  }

  @Override
  public void discardInput() {
    pending = new byte[0];
    incoming.clear();
  }

  @Override
  public void close() {
    closed = true;
  }
}
