package cn.yichang.edge.serial.internal;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.SerialLine;
import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * A serial line on a UART, USB adapter or pty, through jSerialComm.
 *
 * <p>jSerialComm's read timeouts are termios VTIME on Linux: steps of 100 ms. A semi-blocking read
 * returns as soon as a byte is there, so it is used for whole steps of the wait; the last part of a
 * wait shorter than a step is polled in short parks, so that a response timeout or the quiet time
 * after a garbled frame is kept to within a fraction of a millisecond, not 100 ms.
 */
final class JSerialCommLine implements SerialLine {
  private static final int EINTR = 4;
  private static final int EAGAIN = 11;
  private static final long STEP_NANOS = 100_000_000L;
  private static final long POLL_NANOS = 200_000L;

  private final SerialPort port;
  private final LineSettings settings;
  private final OwnedLines owned;
  private int timeoutSteps = -1;

  /** {@code owned}: where the line is counted open until {@link #close()}; null: nowhere. */
  JSerialCommLine(SerialPort port, LineSettings settings, OwnedLines owned) {
    this.port = port;
    this.settings = settings;
    this.owned = owned;
    if (owned != null) {
      owned.opened(this);
    }
  }

  @Override
  public LineSettings settings() {
    return settings;
  }

  @Override
  public void write(byte[] data) throws IOException {
    int written = 0;
    while (written < data.length) {
      int n = port.writeBytes(data, data.length - written, written);
      // jSerialComm returns 0, not -1, when write(2) failed (EIO on an unplugged adapter, EBADF on
      // a port closed natively): retrying would spin for ever on an uninterruptible native call.
      if (n <= 0) {
        throw new IOException(
            settings.port() + ": write failed (error " + port.getLastErrorCode() + ")");
      }
      written += n;
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int len, long timeoutNanos) throws IOException {
    if (len == 0) {
      return 0;
    }
    long deadline = System.nanoTime() + timeoutNanos;
    long remaining;
    while ((remaining = deadline - System.nanoTime()) >= STEP_NANOS) {
      int n = readWithin((int) (remaining / STEP_NANOS), buffer, offset, len);
      if (n > 0) {
        return n;
      }
    }
    while (true) {
      if (port.bytesAvailable() > 0) {
        return readWithin(0, buffer, offset, len);
      }
      remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return 0;
      }
      LockSupport.parkNanos(Math.min(remaining, POLL_NANOS));
      if (Thread.currentThread().isInterrupted()) {
        return 0;
      }
    }
  }

  /** Reads what is there, waiting up to {@code steps} x 100 ms for a first byte (0: no wait). */
  private int readWithin(int steps, byte[] buffer, int offset, int len) throws IOException {
    if (steps != timeoutSteps) {
      // Each change is several system calls: change only when the step count does.
      port.setComPortTimeouts(
          steps == 0 ? SerialPort.TIMEOUT_NONBLOCKING : SerialPort.TIMEOUT_READ_SEMI_BLOCKING,
          (int) (steps * (STEP_NANOS / 1_000_000)),
          0);
      timeoutSteps = steps;
    }
    int n = port.readBytes(buffer, len, offset);
    if (n < 0 && interruptedBySignal(port.getLastErrorCode())) {
      // A signal (SIGTERM while stopping) interrupted the call: nothing was read.
      return 0;
    }
    if (n < 0) {
      throw new IOException(
          settings.port() + ": read failed (error " + port.getLastErrorCode() + ")");
    }
    return n;
  }

  private static boolean interruptedBySignal(int errno) {
    return errno == EINTR || errno == EAGAIN;
  }

  /** Bytes received and not yet read. */
  int available() {
    return port.bytesAvailable();
  }

  @Override
  public void discardInput() {
    port.flushIOBuffers();
    byte[] scratch = new byte[256];
    while (available() > 0) {
      port.readBytes(scratch, Math.min(scratch.length, available()));
    }
  }

  @Override
  public void close() {
    try {
      port.closePort();
    } finally {
      if (owned != null) {
        owned.closed(this);
      }
    }
  }
}
