package cn.yichang.edge.serial.internal;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.SerialLine;
import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;

/** A serial line on a UART, USB adapter or pty, through jSerialComm. */
final class JSerialCommLine implements SerialLine {

  private static final int EINTR = 4;
  private static final int EAGAIN = 11;

  private final SerialPort port;
  private final LineSettings settings;
  private int timeoutMillis = -1;

  JSerialCommLine(SerialPort port, LineSettings settings) {
    this.port = port;
    this.settings = settings;
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
      if (n < 0) {
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
    // Semi-blocking: returns as soon as one byte is there, so frames are never held back by the
    // timeout; it is re-set only when it changes because each change is a system call.
    int millis = (int) Math.max(1, (timeoutNanos + 999_999) / 1_000_000);
    if (millis != timeoutMillis) {
      port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, millis, 0);
      timeoutMillis = millis;
    }
    int n = port.readBytes(buffer, len, offset);
    if (n < 0 && interruptedBySignal(port.getLastErrorCode())) {
      // A signal (SIGTERM while stopping) interrupted the wait: nothing was read.
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
    port.closePort();
  }
}
