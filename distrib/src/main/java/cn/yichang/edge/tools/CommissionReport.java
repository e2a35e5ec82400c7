package cn.yichang.edge.tools;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What {@code commission} found: every configured device's points as read once, the uplink's steps
 * and the overall result; printed as a table and written as the commissioning record (JSON).
 */
record CommissionReport(
    String gatewayId,
    String account,
    Instant time,
    String firmwareVersion,
    String siteFile,
    String siteSha256,
    List<DeviceResult> devices,
    List<UplinkStep> uplink,
    boolean uplinkSkipped) {

  static final String OK = "ok";
  static final String TIMEOUT = "timeout";
  static final String CRC_ERROR = "crc error";
  static final String EXCEPTION = "exception";
  static final String OUT_OF_RANGE = "out of range";
  static final String NOT_CHECKED = "not checked";
  static final String SKIPPED = "skipped";

  /**
   * One point as read once.
   *
   * @param value the value as text; null when it could not be read
   * @param inRange null when there is no value to judge
   * @param status one of the constants above, or the master's reason for a garbled answer
   * @param detail the reason a point could not be read; null when read
   */
  record PointResult(
      String point, String value, String unit, Boolean inRange, String status, String detail) {}

  /**
   * One configured device.
   *
   * @param pin a GPIO device's pin; -1 for a bus device
   * @param status {@code ok}, {@code not checked}, {@code skipped}, or the worst status of its
   *     points
   * @param note why it was not checked; null otherwise
   */
  record DeviceResult(
      String id,
      String profile,
      String protocol,
      String bus,
      int unit,
      int pin,
      String status,
      String note,
      List<PointResult> points) {

    /** A device on a bus. */
    DeviceResult(
        String id,
        String profile,
        String protocol,
        String bus,
        int unit,
        String status,
        String note,
        List<PointResult> points) {
      this(id, profile, protocol, bus, unit, -1, status, note, points);
    }

    /** A device this command does not poll. */
    static DeviceResult notChecked(
        String id, String profile, String protocol, String bus, int unit, String note) {
      return new DeviceResult(id, profile, protocol, bus, unit, NOT_CHECKED, note, List.of());
    }

    /** A GPIO device whose trigger check was skipped ({@code --skip-gpio}). */
    static DeviceResult skipped(String id, String profile, int pin, String note) {
      return new DeviceResult(id, profile, "gpio", null, 0, pin, SKIPPED, note, List.of());
    }

    /**
     * Ok and skipped (on request) do not fail. A device not checked (its profile could not be read,
     * or nothing this command polls) fails: the record must not pass a device nobody has read.
     */
    boolean passed() {
      return status.equals(OK) || status.equals(SKIPPED);
    }
  }

  /** A step of {@code provision check}, as it printed it. */
  record UplinkStep(String name, boolean ok, String detail) {}

  /**
   * Every checked point ok and every uplink step ok; the uplink must have been checked unless it
   * was skipped on request ({@code --skip-uplink}, a bench). GPIO devices skipped on request
   * ({@code --skip-gpio}) do not fail the site either: the record says what was skipped, for the
   * work order to follow up.
   */
  boolean passed() {
    return devices.stream().allMatch(DeviceResult::passed) && (uplinkSkipped || uplinkOk());
  }

  private boolean uplinkOk() {
    return !uplink.isEmpty() && uplink.stream().allMatch(UplinkStep::ok);
  }

  /** The status of a point: its reading's error, sorted into the commissioning statuses. */
  static String status(String error, boolean outOfRange) {
    if (error == null) {
      return outOfRange ? OUT_OF_RANGE : OK;
    }
    if (error.equals("timeout")) {
      return TIMEOUT;
    }
    if (error.equals("crc error")) {
      return CRC_ERROR;
    }
    if (error.startsWith("exception ")) {
      return EXCEPTION;
    }
    return error;
  }

  /** A device's status: ok when every point is ok, else the first status that is not. */
  static String deviceStatus(List<PointResult> points) {
    return points.stream()
        .map(PointResult::status)
        .filter(s -> !s.equals(OK))
        .findFirst()
        .orElse(OK);
  }

  void printTable(PrintStream out) {
    TextTable table =
        new TextTable("DEVICE", "PROFILE", "POINT", "VALUE", "UNIT", "IN RANGE", "STATUS");
    for (DeviceResult d : devices) {
      if (d.points().isEmpty()) {
        table.row(
            d.id(),
            d.profile(),
            "-",
            "-",
            "-",
            "-",
            d.note() == null ? d.status() : d.status() + " (" + d.note() + ")");
        continue;
      }
      for (PointResult p : d.points()) {
        table.row(
            d.id(),
            d.profile(),
            p.point(),
            p.value() == null ? "-" : p.value(),
            p.unit() == null || p.unit().isEmpty() ? "-" : p.unit(),
            p.inRange() == null ? "-" : p.inRange() ? "yes" : "no",
            p.detail() == null || p.detail().equals(p.status())
                ? p.status()
                : p.status() + " (" + p.detail() + ")");
      }
    }
    table.print(out);
    out.println();
    for (UplinkStep s : uplink) {
      out.println(
          "uplink " + s.name() + ": " + (s.ok() ? "OK" : "FAILED") + " (" + s.detail() + ")");
    }
    if (uplinkSkipped) {
      out.println("uplink: skipped (--skip-uplink)");
    } else if (uplink.isEmpty()) {
      out.println("uplink: not checked");
    }
    long failing = devices.stream().filter(d -> !d.passed()).count();
    long skipped = devices.stream().filter(d -> d.status().equals(SKIPPED)).count();
    out.println(
        String.format(
            Locale.ROOT,
            "%s: %d device(s), %d failing, %suplink %s",
            passed() ? "PASS" : "FAIL",
            devices.size(),
            failing,
            skipped == 0 ? "" : skipped + " skipped, ",
            uplinkSkipped ? "skipped" : uplinkOk() ? "ok" : "failed"));
  }

  String toJson() {
    Json j = new Json();
    j.open('{');
    j.field("gateway_id").string(gatewayId);
    j.field("account").string(account);
    j.field("time").string(time.toString());
    j.field("firmware_version").string(firmwareVersion);
    j.field("site_file").string(siteFile);
    j.field("site_sha256").string(siteSha256);
    j.field("result").string(passed() ? "PASS" : "FAIL");
    j.field("devices").open('[');
    for (DeviceResult d : devices) {
      j.element().open('{');
      j.field("id").string(d.id());
      j.field("profile").string(d.profile());
      j.field("protocol").string(d.protocol());
      j.field("bus").string(d.bus());
      j.field("unit").number(d.unit());
      if (d.pin() >= 0) {
        j.field("pin").number(d.pin());
      }
      j.field("status").string(d.status());
      j.field("note").string(d.note());
      j.field("points").open('[');
      for (PointResult p : d.points()) {
        j.element().open('{');
        j.field("point").string(p.point());
        j.field("value").string(p.value());
        j.field("unit").string(p.unit());
        j.field("in_range").bool(p.inRange());
        j.field("status").string(p.status());
        j.field("detail").string(p.detail());
        j.close('}');
      }
      j.close(']');
      j.close('}');
    }
    j.close(']');
    j.field("uplink_skipped").bool(uplinkSkipped);
    j.field("uplink").open('[');
    for (UplinkStep s : uplink) {
      j.element().open('{');
      j.field("step").string(s.name());
      j.field("ok").bool(s.ok());
      j.field("detail").string(s.detail());
      j.close('}');
    }
    j.close(']');
    j.close('}');
    return j.toString() + "\n";
  }

  /** A minimal JSON writer: objects, arrays, strings (escaped), numbers, booleans and null. */
  static final class Json {
    private final StringBuilder out = new StringBuilder();
    private boolean first = true;
    private int depth;

    Json open(char bracket) {
      out.append(bracket);
      depth++;
      first = true;
      return this;
    }

    Json close(char bracket) {
      depth--;
      out.append('\n').append("  ".repeat(depth)).append(bracket);
      first = false;
      return this;
    }

    Json element() {
      separate();
      return this;
    }

    Json field(String name) {
      separate();
      quote(name);
      out.append(": ");
      return this;
    }

    Json string(String value) {
      if (value == null) {
        out.append("null");
      } else {
        quote(value);
      }
      return this;
    }

    Json number(long value) {
      out.append(value);
      return this;
    }

    Json bool(Boolean value) {
      out.append(value == null ? "null" : value.toString());
      return this;
    }

    private void separate() {
      if (!first) {
        out.append(',');
      }
      out.append('\n').append("  ".repeat(depth));
      first = false;
    }

    private void quote(String s) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          case '\b' -> out.append("\\b");
          case '\f' -> out.append("\\f");
          default -> {
            if (c < 0x20 || c == '\u2028' || c == '\u2029') {
              out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }
}
