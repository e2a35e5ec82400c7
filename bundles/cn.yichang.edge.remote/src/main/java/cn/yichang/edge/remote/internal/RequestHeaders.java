package cn.yichang.edge.remote.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * The two metrics a reply needs ({@code request.id}, {@code requester.client.id}), read from an
 * uncompressed KuraPayload without decoding the rest: the body is skipped, not copied. Used for
 * requests that are too large or broken to decode, so that they can still be answered with a 400.
 * Reading stops at the first thing that does not parse; what was found until then is kept.
 */
record RequestHeaders(String requestId, String requesterClientId) {

  static final String REQUEST_ID = "request.id";
  static final String REQUESTER_CLIENT_ID = "requester.client.id";

  private static final int METRIC = 5000;
  private static final int METRIC_NAME = 1;
  private static final int METRIC_TYPE = 2;
  private static final int METRIC_STRING = 8;
  private static final int TYPE_STRING = 5;

  boolean complete() {
    return requestId != null && requesterClientId != null;
  }

  static RequestHeaders scan(byte[] plain) {
    String requestId = null;
    String requester = null;
    CodedInputStream in = CodedInputStream.newInstance(plain);
    in.setSizeLimit(Integer.MAX_VALUE);
    try {
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (WireFormat.getTagFieldNumber(tag) == METRIC
            && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          int limit = in.pushLimit(in.readRawVarint32());
          String[] metric = stringMetric(in);
          in.popLimit(limit);
          if (metric != null && metric[0].equals(REQUEST_ID)) {
            requestId = metric[1];
          } else if (metric != null && metric[0].equals(REQUESTER_CLIENT_ID)) {
            requester = metric[1];
          }
        } else if (!in.skipField(tag)) {
          break; // end of a group that was never started
        }
      }
    } catch (IOException | RuntimeException e) {
      // keep what was read before the damage
    }
    return new RequestHeaders(requestId, requester);
  }

  /** {name, value} of a STRING metric, {@code null} for any other metric. */
  private static String[] stringMetric(CodedInputStream in) throws IOException {
    String name = null;
    String value = null;
    int type = -1;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      int wire = WireFormat.getTagWireType(tag);
      if (field == METRIC_NAME && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        name = in.readStringRequireUtf8();
      } else if (field == METRIC_TYPE && wire == WireFormat.WIRETYPE_VARINT) {
        type = in.readEnum();
      } else if (field == METRIC_STRING && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        value = in.readStringRequireUtf8();
      } else {
        in.skipField(tag);
      }
    }
    return name != null && value != null && type == TYPE_STRING ? new String[] {name, value} : null;
  }
}
