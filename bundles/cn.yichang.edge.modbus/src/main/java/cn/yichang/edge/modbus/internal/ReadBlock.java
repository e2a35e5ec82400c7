package cn.yichang.edge.modbus.internal;

import cn.yichang.edge.modbus.ReadRequest;
import cn.yichang.edge.modbus.RegisterBlock;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.reading.PointReading;
import java.util.Arrays;

/** The data a valid read response carried, addressed as the device addresses it. Immutable. */
public final class ReadBlock implements RegisterBlock {

  private final ReadRequest request;
  private final byte[] data;

  private ReadBlock(ReadRequest request, byte[] data) {
    this.request = request;
    this.data = data;
  }

  /** Takes the data bytes of a validated response frame (after unit, function and byte count). */
  public static ReadBlock fromFrame(ReadRequest request, byte[] frame) {
    return new ReadBlock(request, Arrays.copyOfRange(frame, 3, 3 + request.replyDataBytes()));
  }

  @Override
  public ReadRequest request() {
    return request;
  }

  @Override
  public boolean contains(int address, int count) {
    return address >= request.address() && address + count - 1 <= request.lastAddress();
  }

  /** The register at a wire address, 0..65535. */
  @Override
  public int register(int address) {
    int i = index(address, false);
    return ((data[2 * i] & 0xFF) << 8) | (data[2 * i + 1] & 0xFF);
  }

  /** A coil or discrete input: bits are packed from the least significant bit of the first byte. */
  @Override
  public boolean bit(int address) {
    int i = index(address, true);
    return (data[i / 8] & (1 << (i % 8))) != 0;
  }

  @Override
  public PointReading decode(Point point) {
    return ValueDecoder.decode(point, this);
  }

  private int index(int address, boolean bits) {
    if (request.table().bits() != bits || !contains(address, 1)) {
      throw new IndexOutOfBoundsException(address + " is not in " + request);
    }
    return address - request.address();
  }
}
