package cn.yichang.edge.bus;

import cn.yichang.edge.bus.internal.LineTransactor;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.SerialLine;
import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One request and its response on the line, with the line's silence kept before the request and the
 * outcome counted for the bus and the device.
 */
@ProviderType
public interface Transactor {

  /**
   * A transactor on a line of one's own, outside the gateway's buses (the commissioning tools on a
   * plain class path): the bus's framing, pacing and timeouts, counted for nobody.
   */
  static Transactor standalone(SerialLine line, Duration responseTimeout) {
    return LineTransactor.standalone(line, responseTimeout);
  }

  LineSettings settings();

  /**
   * Sends {@code request} and reads the response with {@code reader}.
   *
   * @throws ResponseTimeoutException the device did not answer, or stopped answering mid-frame
   * @throws CorruptFrameException the answer was garbled (bad CRC, wrong length, wrong unit)
   * @throws DeviceRejectedException the device answered with an error (a Modbus exception)
   */
  byte[] transact(byte[] request, FrameReader reader)
      throws TransactionException, InterruptedException;

  /** Reads one response frame. */
  @FunctionalInterface
  interface FrameReader {
    byte[] read(FrameInput in) throws TransactionException;
  }

  /** The line as a frame reader sees it during one transaction. */
  interface FrameInput {
    /**
     * Reads exactly {@code n} bytes, within the response timeout for the first byte of the frame
     * and within the wire time plus a tolerance after that.
     */
    byte[] readExactly(int n) throws ResponseTimeoutException;

    /**
     * Reads what has arrived, at least one byte and at most {@code max}, with the deadlines of
     * {@link #readExactly}: for responses whose end is only known as they arrive (a line up to its
     * terminator, a frame after its length field).
     */
    default byte[] readSome(int max) throws ResponseTimeoutException {
      return readExactly(1);
    }
  }
}
