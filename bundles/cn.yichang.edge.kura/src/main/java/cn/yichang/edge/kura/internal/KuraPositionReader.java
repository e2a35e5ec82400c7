package cn.yichang.edge.kura.internal;

import static cn.yichang.edge.kura.internal.KuraFields.*;

import cn.yichang.edge.kura.InvalidKuraPayloadException;
import cn.yichang.edge.kura.KuraPosition;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/** Reads the KuraPosition message of a payload, within the limit its reader has pushed. */
final class KuraPositionReader {

  private final KuraPayloadReader reader;

  KuraPositionReader(KuraPayloadReader reader) {
    this.reader = reader;
  }

  KuraPosition position() throws IOException, InvalidKuraPayloadException {
    CodedInputStream in = reader.in();
    long start = in.getTotalBytesRead();
    Double latitude = null;
    Double longitude = null;
    Double altitude = null;
    Double precision = null;
    Double heading = null;
    Double speed = null;
    Long timestamp = null;
    Integer satellites = null;
    Integer status = null;
    for (int tag = reader.nextTag("position"); tag != 0; tag = reader.nextTag("position")) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case POSITION_LATITUDE -> latitude = readDouble("latitude", tag);
        case POSITION_LONGITUDE -> longitude = readDouble("longitude", tag);
        case POSITION_ALTITUDE -> altitude = readDouble("altitude", tag);
        case POSITION_PRECISION -> precision = readDouble("precision", tag);
        case POSITION_HEADING -> heading = readDouble("heading", tag);
        case POSITION_SPEED -> speed = readDouble("speed", tag);
        case POSITION_TIMESTAMP -> {
          reader.at("position.timestamp", tag, WireFormat.WIRETYPE_VARINT);
          timestamp = in.readInt64();
        }
        case POSITION_SATELLITES -> {
          reader.at("position.satellites", tag, WireFormat.WIRETYPE_VARINT);
          satellites = in.readInt32();
        }
        case POSITION_STATUS -> {
          reader.at("position.status", tag, WireFormat.WIRETYPE_VARINT);
          status = in.readInt32();
        }
        default -> reader.skipUnknown("position", tag);
      }
    }
    if (latitude == null || longitude == null) {
      String missing = latitude == null ? "latitude" : "longitude";
      throw reader.invalid("position", start, "required field " + missing + " is missing");
    }
    return new KuraPosition(
        latitude, longitude, altitude, precision, heading, speed, timestamp, satellites, status);
  }

  private double readDouble(String name, int tag) throws IOException, InvalidKuraPayloadException {
    reader.at("position." + name, tag, WireFormat.WIRETYPE_FIXED64);
    return reader.in().readDouble();
  }
}
