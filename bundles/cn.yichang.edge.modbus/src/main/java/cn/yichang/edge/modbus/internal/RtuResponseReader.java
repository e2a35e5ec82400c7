package cn.yichang.edge.modbus.internal;

import cn.yichang.edge.bus.CorruptFrameException;
import cn.yichang.edge.bus.ResponseTimeoutException;
import cn.yichang.edge.bus.TransactionException;
import cn.yichang.edge.bus.Transactor.FrameInput;
import cn.yichang.edge.bus.Transactor.FrameReader;
import cn.yichang.edge.modbus.ModbusExceptionResponse;
import cn.yichang.edge.modbus.ReadRequest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Reads and validates the response to one request, taking from the line exactly the bytes that
 * response must have. Knowing the length up front is what lets the master end a transaction on its
 * last byte instead of waiting for an inter-frame gap; it also means a garbled byte-count field can
 * never make us read into the next frame.
 *
 * <p>Returns the whole frame, CRC included.
 */
public final class RtuResponseReader implements FrameReader {

  /** Exception responses: exception code and CRC after unit and function code. */
  private static final int EXCEPTION_BODY = 3;

  private final int unit;
  private final int functionCode;
  private final int bodyLength;
  private final BodyCheck bodyCheck;

  private RtuResponseReader(int unit, int functionCode, int bodyLength, BodyCheck bodyCheck) {
    this.unit = unit;
    this.functionCode = functionCode;
    this.bodyLength = bodyLength;
    this.bodyCheck = bodyCheck;
  }

  /** FC 1..4: byte count, the data, CRC. */
  public static RtuResponseReader forRead(int unit, ReadRequest request) {
    int dataBytes = request.replyDataBytes();
    return new RtuResponseReader(
        unit,
        request.functionCode(),
        1 + dataBytes + 2,
        frame -> {
          if ((frame[2] & 0xFF) != dataBytes) {
            throw corrupt(
                "wrong byte count",
                "byte count " + (frame[2] & 0xFF) + " where " + dataBytes + " were asked for",
                frame);
          }
        });
  }

  /** FC 5, 6, 16: the reply echoes the address and the value or quantity of the request. */
  public static RtuResponseReader forWrite(byte[] request) {
    return new RtuResponseReader(
        request[0] & 0xFF,
        request[1] & 0xFF,
        6,
        frame -> {
          if (!Arrays.equals(frame, 2, 6, request, 2, 6)) {
            throw corrupt("wrong echo", "the reply does not echo the request", frame);
          }
        });
  }

  @Override
  public byte[] read(FrameInput in) throws TransactionException {
    // The first byte may take the whole response timeout; if it never comes, that is a timeout.
    byte[] first = in.readExactly(1);
    if ((first[0] & 0xFF) != unit) {
      // Another unit answering, or a garbled address: either way not our answer.
      throw corrupt("wrong unit", "answer from unit " + (first[0] & 0xFF), first);
    }
    byte[] header = concat(first, readRest(in, 1, first));
    int fc = header[1] & 0xFF;
    if (fc == (functionCode | 0x80)) {
      byte[] frame = concat(header, readRest(in, EXCEPTION_BODY, header));
      checkCrc(frame);
      throw new ModbusExceptionResponse(unit, functionCode, frame[2] & 0xFF);
    }
    if (fc != functionCode) {
      throw corrupt("wrong function", "function " + fc + " in answer to " + functionCode, header);
    }
    byte[] frame = concat(header, readRest(in, bodyLength, header));
    checkCrc(frame);
    bodyCheck.check(frame);
    return frame;
  }

  /** Once a frame has begun, running out of bytes means a truncated frame, not a silent device. */
  private static byte[] readRest(FrameInput in, int n, byte[] sofar) throws CorruptFrameException {
    try {
      return in.readExactly(n);
    } catch (ResponseTimeoutException e) {
      throw corrupt("short frame", "the frame stopped after " + sofar.length + " byte(s)", sofar);
    }
  }

  private static void checkCrc(byte[] frame) throws CorruptFrameException {
    if (!Crc16.valid(frame)) {
      throw corrupt("crc error", "bad CRC", frame);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static CorruptFrameException corrupt(String reason, String detail, byte[] frame) {
    return new CorruptFrameException(
        reason, detail + ": " + HexFormat.ofDelimiter(" ").formatHex(frame));
  }

  @FunctionalInterface
  private interface BodyCheck {
    void check(byte[] frame) throws CorruptFrameException;
  }
}
