package cn.yichang.edge.tools;

import cn.yichang.edge.modbus.internal.Crc16;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.serial.SerialLine;
import cn.yichang.edge.serial.SerialLineFactory;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * A Modbus device behind a UART with its own line settings, modelled at the character level: what a
 * character sent with one setting looks like to a receiver with another, the thing a pty cannot
 * show. At another baud rate nothing recognisable arrives. At the same rate the ninth bit is the
 * sender's parity bit (or its stop bit, 1, without parity) and the receiver takes it as its parity
 * bit (or its stop bit): a mismatch is a parity error (the device drops the frame unless it is
 * {@code lenient}) or a framing error, which Linux hands to the master as a NUL byte.
 */
final class UartDevice implements SerialLineFactory {

  private final int unit;
  private final LineSettings own;
  private final boolean lenient;
  private final Map<Integer, Integer> holding;
  int opens;

  UartDevice(int unit, int baud, Parity parity, boolean lenient, Map<Integer, Integer> holding) {
    this.unit = unit;
    this.own = new LineSettings("uart", baud, parity, 8, 1);
    this.lenient = lenient;
    this.holding = holding;
  }

  @Override
  public SerialLine open(LineSettings master) {
    opens++;
    return new SerialLine() {
      private final ArrayDeque<Byte> toMaster = new ArrayDeque<>();

      @Override
      public LineSettings settings() {
        return master;
      }

      @Override
      public void write(byte[] request) {
        if (master.baud() != own.baud()) {
          return; // noise to the device's UART: no frame
        }
        ByteArrayOutputStream heard = new ByteArrayOutputStream();
        for (byte b : request) {
          if (!ninthBitAccepted(b, master, own) && !lenient) {
            return; // parity or framing error: the frame is dropped
          }
          heard.write(b);
        }
        byte[] reply = answer(heard.toByteArray());
        if (reply == null) {
          return;
        }
        for (byte b : reply) {
          toMaster.add(ninthBitAccepted(b, own, master) ? b : 0);
        }
      }

      @Override
      public int read(byte[] buffer, int offset, int len, long timeoutNanos) {
        int n = 0;
        while (n < len && !toMaster.isEmpty()) {
          buffer[offset + n++] = toMaster.poll();
        }
        return n;
      }

      @Override
      public void discardInput() {
        toMaster.clear();
      }

      @Override
      public void close() {}
    };
  }

  /** Whether the receiver's UART takes the character without a parity or framing error. */
  static boolean ninthBitAccepted(byte b, LineSettings sender, LineSettings receiver) {
    return ninthBit(b, sender.parity()) == ninthBit(b, receiver.parity());
  }

  /** The bit after the 8 data bits: the parity bit, or the (first) stop bit, 1. */
  private static int ninthBit(byte b, Parity parity) {
    int ones = Integer.bitCount(b & 0xFF);
    return switch (parity) {
      case NONE -> 1;
      case EVEN -> ones % 2;
      case ODD -> 1 - ones % 2;
    };
  }

  private byte[] answer(byte[] request) {
    if (request.length != 8 || !Crc16.valid(request) || (request[0] & 0xFF) != unit) {
      return null;
    }
    if (request[1] != 3) {
      return Crc16.append(new byte[] {(byte) unit, (byte) (request[1] | 0x80), 1});
    }
    int address = ((request[2] & 0xFF) << 8) | (request[3] & 0xFF);
    int count = ((request[4] & 0xFF) << 8) | (request[5] & 0xFF);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(unit);
    out.write(3);
    out.write(2 * count);
    for (int a = address; a < address + count; a++) {
      Integer v = holding.get(a);
      if (v == null) {
        return Crc16.append(new byte[] {(byte) unit, (byte) 0x83, 2});
      }
      out.write(v >>> 8);
      out.write(v);
    }
    return Crc16.append(out.toByteArray());
  }
}
