package cn.yichang.edge.modbus.internal;

import cn.yichang.edge.bus.ResponseTimeoutException;
import cn.yichang.edge.bus.Transactor.FrameInput;
import java.util.Arrays;

/** A response as it would arrive: bytes that run out where a real line would fall silent. */
final class BytesInput implements FrameInput {
  private final byte[] bytes;
  private int position;

  BytesInput(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public byte[] readExactly(int n) throws ResponseTimeoutException {
    if (position + n > bytes.length) {
      throw new ResponseTimeoutException(
          position == 0 ? "no response" : "response stopped after " + position + " bytes");
    }
    position += n;
    return Arrays.copyOfRange(bytes, position - n, position);
  }

  /** Bytes the reader left unread; a reader must never consume more than the frame. */
  int unread() {
    return bytes.length - position;
  }
}
