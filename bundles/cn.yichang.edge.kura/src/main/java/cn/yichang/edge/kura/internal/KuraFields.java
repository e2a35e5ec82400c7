package cn.yichang.edge.kura.internal;

/** Field numbers of kurapayload.proto (proto2, package kuradatatypes). */
final class KuraFields {

  static final int PAYLOAD_TIMESTAMP = 1;
  static final int PAYLOAD_POSITION = 2;
  static final int PAYLOAD_METRIC = 5000;
  static final int PAYLOAD_BODY = 5001;

  static final int METRIC_NAME = 1;
  static final int METRIC_TYPE = 2;
  static final int METRIC_DOUBLE = 3;
  static final int METRIC_FLOAT = 4;
  static final int METRIC_LONG = 5;
  static final int METRIC_INT = 6;
  static final int METRIC_BOOL = 7;
  static final int METRIC_STRING = 8;
  static final int METRIC_BYTES = 9;

  static final int POSITION_LATITUDE = 1;
  static final int POSITION_LONGITUDE = 2;
  static final int POSITION_ALTITUDE = 3;
  static final int POSITION_PRECISION = 4;
  static final int POSITION_HEADING = 5;
  static final int POSITION_SPEED = 6;
  static final int POSITION_TIMESTAMP = 7;
  static final int POSITION_SATELLITES = 8;
  static final int POSITION_STATUS = 9;

  private KuraFields() {}
}
