package cn.yichang.edge.kura.internal;

import cn.yichang.edge.kura.InvalidKuraPayloadException;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Skips a field we do not know (Kura's extension range 3..4999, or a newer sender's fields). Groups
 * are skipped with an explicit stack of bounded depth rather than by recursion, so that a few
 * kilobytes of nested start-group tags cannot overflow the thread's stack.
 */
final class UnknownFieldSkipper {

  static final int MAX_GROUP_DEPTH = 64;

  private UnknownFieldSkipper() {}

  static void skip(CodedInputStream in, int tag, KuraPayloadReader reader)
      throws IOException, InvalidKuraPayloadException {
    int wireType = WireFormat.getTagWireType(tag);
    if (wireType == WireFormat.WIRETYPE_END_GROUP) {
      throw reader.invalid("end-group tag without a start-group", null);
    }
    if (wireType != WireFormat.WIRETYPE_START_GROUP) {
      skipScalar(in, tag, reader);
      return;
    }
    Deque<Integer> openGroups = new ArrayDeque<>();
    openGroups.push(WireFormat.getTagFieldNumber(tag));
    while (!openGroups.isEmpty()) {
      int inner = in.readTag();
      int number = WireFormat.getTagFieldNumber(inner);
      switch (WireFormat.getTagWireType(inner)) {
        case WireFormat.WIRETYPE_START_GROUP -> {
          if (openGroups.size() >= MAX_GROUP_DEPTH) {
            throw reader.invalid("groups nested deeper than " + MAX_GROUP_DEPTH, null);
          }
          openGroups.push(number);
        }
        case WireFormat.WIRETYPE_END_GROUP -> {
          if (number != openGroups.peek()) {
            throw reader.invalid(
                "end-group " + number + " closes group " + openGroups.peek(), null);
          }
          openGroups.pop();
        }
        default -> {
          if (inner == 0) {
            throw reader.invalid("group " + openGroups.peek() + " is not closed", null);
          }
          skipScalar(in, inner, reader);
        }
      }
    }
  }

  private static void skipScalar(CodedInputStream in, int tag, KuraPayloadReader reader)
      throws IOException, InvalidKuraPayloadException {
    switch (WireFormat.getTagWireType(tag)) {
      case WireFormat.WIRETYPE_VARINT -> in.readRawVarint64();
      case WireFormat.WIRETYPE_FIXED64 -> in.readRawLittleEndian64();
      case WireFormat.WIRETYPE_LENGTH_DELIMITED -> in.skipRawBytes(in.readRawVarint32());
      case WireFormat.WIRETYPE_FIXED32 -> in.readRawLittleEndian32();
      default -> throw reader.invalid("invalid wire type " + WireFormat.getTagWireType(tag), null);
    }
  }
}
