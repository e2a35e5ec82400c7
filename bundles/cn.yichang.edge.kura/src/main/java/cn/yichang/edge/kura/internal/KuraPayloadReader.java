package cn.yichang.edge.kura.internal;

import static cn.yichang.edge.kura.internal.KuraFields.*;

import cn.yichang.edge.kura.InvalidKuraPayloadException;
import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPosition;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an uncompressed KuraPayload. Unknown fields (Kura reserves 3..4999 for extensions) are
 * skipped; a metric of a value type we do not know is left out, as Kura's decoder does; anything
 * else that does not follow kurapayload.proto is an {@link InvalidKuraPayloadException} naming the
 * field and its offset. Stricter than protobuf on one point: a known field with the wrong wire type
 * is an error rather than an unknown field, since only a broken sender writes one.
 */
public final class KuraPayloadReader {

  private final CodedInputStream in;
  private final KuraPositionReader positions;
  private String field = "payload";
  private long fieldOffset;

  private KuraPayloadReader(byte[] bytes) {
    this.in = CodedInputStream.newInstance(bytes);
    this.positions = new KuraPositionReader(this);
  }

  public static KuraPayload read(byte[] bytes) throws InvalidKuraPayloadException {
    KuraPayloadReader reader = new KuraPayloadReader(bytes);
    try {
      return reader.payload();
    } catch (InvalidKuraPayloadException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // Protobuf reports truncation, bad tags and negative lengths as IOExceptions; anything
      // unchecked from malformed bytes is turned into the same checked error with its position.
      throw reader.invalid(String.valueOf(e.getMessage()), e);
    }
  }

  private KuraPayload payload() throws IOException, InvalidKuraPayloadException {
    Instant timestamp = null;
    KuraPosition position = null;
    List<KuraMetric> metrics = new ArrayList<>();
    byte[] body = null;
    int metricIndex = 0;
    for (int tag = nextTag("payload"); tag != 0; tag = nextTag("payload")) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case PAYLOAD_TIMESTAMP -> {
          at("timestamp", tag, WireFormat.WIRETYPE_VARINT);
          timestamp = Instant.ofEpochMilli(in.readInt64());
        }
        case PAYLOAD_POSITION -> {
          at("position", tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
          int limit = in.pushLimit(in.readRawVarint32());
          position = positions.position();
          in.popLimit(limit);
        }
        case PAYLOAD_METRIC -> {
          String path = "metric[" + metricIndex++ + "]";
          at(path, tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
          int limit = in.pushLimit(in.readRawVarint32());
          KuraMetric metric = metric(path);
          if (metric != null) {
            metrics.add(metric);
          }
          in.popLimit(limit);
        }
        case PAYLOAD_BODY -> {
          at("body", tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
          body = in.readByteArray();
        }
        default -> skipUnknown("payload", tag);
      }
    }
    return new KuraPayload(timestamp, position, metrics, body);
  }

  /** A metric, or {@code null} when its value type is unknown to us. */
  private KuraMetric metric(String path) throws IOException, InvalidKuraPayloadException {
    long start = in.getTotalBytesRead();
    String name = null;
    Integer typeNumber = null;
    Object[] values = new Object[ValueType.values().length];
    for (int tag = nextTag(path); tag != 0; tag = nextTag(path)) {
      int number = WireFormat.getTagFieldNumber(tag);
      switch (number) {
        case METRIC_NAME -> {
          at(path + ".name", tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
          name = in.readString();
        }
        case METRIC_TYPE -> {
          at(path + ".type", tag, WireFormat.WIRETYPE_VARINT);
          typeNumber = in.readEnum();
        }
        case METRIC_DOUBLE -> values[0] = value(path, "double_value", tag, ValueType.DOUBLE);
        case METRIC_FLOAT -> values[1] = value(path, "float_value", tag, ValueType.FLOAT);
        case METRIC_LONG -> values[2] = value(path, "long_value", tag, ValueType.INT64);
        case METRIC_INT -> values[3] = value(path, "int_value", tag, ValueType.INT32);
        case METRIC_BOOL -> values[4] = value(path, "bool_value", tag, ValueType.BOOL);
        case METRIC_STRING -> values[5] = value(path, "string_value", tag, ValueType.STRING);
        case METRIC_BYTES -> values[6] = value(path, "bytes_value", tag, ValueType.BYTES);
        default -> skipUnknown(path, tag);
      }
    }
    fieldOffset = start;
    if (name == null) {
      throw invalid(path, start, "required field name is missing");
    }
    if (typeNumber == null) {
      throw invalid(path + " (" + name + ")", start, "required field type is missing");
    }
    ValueType type = ValueType.ofNumber(typeNumber);
    if (type == null) {
      return null;
    }
    // Like protobuf's getters, a missing value field reads as that type's default.
    Object value = values[type.ordinal()];
    return new KuraMetric(name, value != null ? value : defaultValue(type));
  }

  private Object value(String path, String fieldName, int tag, ValueType type)
      throws IOException, InvalidKuraPayloadException {
    switch (type) {
      case DOUBLE -> {
        at(path + "." + fieldName, tag, WireFormat.WIRETYPE_FIXED64);
        return in.readDouble();
      }
      case FLOAT -> {
        at(path + "." + fieldName, tag, WireFormat.WIRETYPE_FIXED32);
        return in.readFloat();
      }
      case INT64 -> {
        at(path + "." + fieldName, tag, WireFormat.WIRETYPE_VARINT);
        return in.readInt64();
      }
      case INT32 -> {
        at(path + "." + fieldName, tag, WireFormat.WIRETYPE_VARINT);
        return in.readInt32();
      }
      case BOOL -> {
        at(path + "." + fieldName, tag, WireFormat.WIRETYPE_VARINT);
        return in.readBool();
      }
      case STRING -> {
        at(path + "." + fieldName, tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        return in.readString();
      }
      default -> {
        at(path + "." + fieldName, tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        return in.readByteArray();
      }
    }
  }

  private static Object defaultValue(ValueType type) {
    return switch (type) {
      case DOUBLE -> 0.0d;
      case FLOAT -> 0.0f;
      case INT64 -> 0L;
      case INT32 -> 0;
      case BOOL -> false;
      case STRING -> "";
      case BYTES -> new byte[0];
    };
  }

  // --- shared with KuraPositionReader ---

  CodedInputStream in() {
    return in;
  }

  /** The next tag of the current message, 0 at its end; remembers where it starts. */
  int nextTag(String message) throws IOException {
    field = message;
    fieldOffset = in.getTotalBytesRead();
    return in.readTag();
  }

  /** Names the field about to be read and checks its wire type. */
  void at(String path, int tag, int expectedWireType) throws InvalidKuraPayloadException {
    field = path;
    int wireType = WireFormat.getTagWireType(tag);
    if (wireType != expectedWireType) {
      throw invalid(
          path, fieldOffset, "wire type " + wireType + ", expected " + expectedWireType, null);
    }
  }

  void skipUnknown(String message, int tag) throws IOException, InvalidKuraPayloadException {
    field = message + ".field" + WireFormat.getTagFieldNumber(tag);
    UnknownFieldSkipper.skip(in, tag, this);
  }

  InvalidKuraPayloadException invalid(String path, long offset, String reason) {
    return invalid(path, offset, reason, null);
  }

  InvalidKuraPayloadException invalid(String reason, Throwable cause) {
    return invalid(field, fieldOffset, reason, cause);
  }

  private static InvalidKuraPayloadException invalid(
      String path, long offset, String reason, Throwable cause) {
    return new InvalidKuraPayloadException(path, offset, reason, cause);
  }
}
