package cn.yichang.edge.profile;

import java.time.Duration;
import java.util.List;

/**
 * A device that speaks small binary frames over a UART ({@code protocol: framed}): a header, an
 * optional length field, the data, an optional checksum and a trailer.
 *
 * @param header the bytes every frame starts with (at least one)
 * @param trailer the bytes every frame ends with, possibly none
 * @param length where the frame says how long it is; null for frames of {@code fixedLength}
 * @param fixedLength the length of every frame when there is no length field, else 0
 * @param checksum the checksum after the data, or null for none
 * @param checksumFrom the first byte the checksum covers (it covers up to itself)
 * @param maxLength the longest frame accepted; longer claims are garbage and resynchronised
 * @param timeout polled: how long the answer may take; streaming: how long a silent device keeps
 *     its last values before they are reported as {@code timeout}
 * @param request sent each poll, or null when the device streams by itself
 * @param match a frame carries the fields only when it has these bytes at {@code matchAt} (others,
 *     such as unsolicited reports, are skipped); empty to take every frame
 * @param fields the values of a frame, at byte offsets from its first byte
 */
public record FramedSpec(
    byte[] header,
    byte[] trailer,
    LengthField length,
    int fixedLength,
    FrameChecksum checksum,
    int checksumFrom,
    int maxLength,
    Duration timeout,
    byte[] request,
    int matchAt,
    byte[] match,
    List<FrameField> fields)
    implements ProtocolSpec {

  public FramedSpec {
    fields = List.copyOf(fields);
  }

  /** What a frame's length field counts. */
  public enum Counts {
    /** The whole frame, header to trailer. */
    FRAME,
    /** The bytes after the length field, to the end of the trailer. */
    REST,
    /** The data: the bytes between the length field and the checksum (or trailer). */
    DATA
  }

  /**
   * @param at the offset of the field from the frame's first byte
   * @param size 1 or 2 bytes
   */
  public record LengthField(int at, int size, ByteOrder order, Counts counts) {}

  public enum ByteOrder {
    BIG,
    LITTLE
  }

  /** Types of frame fields: the Modbus point types and single bytes. */
  public enum FieldType {
    INT8(1),
    UINT8(1),
    INT16(2),
    UINT16(2),
    INT32(4),
    UINT32(4),
    INT64(8),
    FLOAT32(4),
    FLOAT64(8),
    BOOL(1),
    /** ASCII, {@link FrameField#length()} bytes. */
    STRING(0);

    private final int size;

    FieldType(int size) {
      this.size = size;
    }

    public int size() {
      return size;
    }

    public boolean integral() {
      return this != FLOAT32 && this != FLOAT64 && this != BOOL && this != STRING;
    }
  }

  /**
   * One value of a frame.
   *
   * @param bit for a bool, the bit (0..7) of its byte, or -1 for "byte not 0"; for an integer bit
   *     field, its lowest bit, else -1
   * @param bits the width of an integer bit field, 0 for the whole value
   * @param length bytes of a string, else the type's size
   */
  public record FrameField(
      String name,
      int at,
      FieldType type,
      ByteOrder order,
      int bit,
      int bits,
      int length,
      double scale,
      double offset,
      String unit,
      Double min,
      Double max,
      int line) {

    public boolean scaled() {
      return scale != 1.0 || offset != 0.0;
    }

    public boolean inRange(double value) {
      return (min == null || value >= min) && (max == null || value <= max);
    }
  }

  @Override
  public List<String> pointNames() {
    return fields.stream().map(FrameField::name).toList();
  }

  @Override
  public boolean streams() {
    return request == null;
  }

  @Override
  public List<UnitUse> units() {
    return fields.stream()
        .filter(f -> f.unit() != null)
        .map(f -> new UnitUse(f.name(), f.unit(), f.line()))
        .toList();
  }

  /** The length of the frame's data for a length field's {@code value}, or -1 when unknown. */
  public int frameLength(int lengthValue) {
    if (length == null) {
      return fixedLength;
    }
    int afterField = length.at() + length.size();
    int tail = (checksum == null ? 0 : checksum.size()) + trailer.length;
    return switch (length.counts()) {
      case FRAME -> lengthValue;
      case REST -> afterField + lengthValue;
      case DATA -> afterField + lengthValue + tail;
    };
  }

  /** The bytes before the data ends that are not data: checksum and trailer. */
  public int tailLength() {
    return (checksum == null ? 0 : checksum.size()) + trailer.length;
  }
}
