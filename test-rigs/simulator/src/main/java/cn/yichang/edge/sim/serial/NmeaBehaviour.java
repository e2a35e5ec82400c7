package cn.yichang.edge.sim.serial;

import cn.yichang.edge.profile.AsciiLineSpec;
import cn.yichang.edge.sim.profile.ValueModel;
import cn.yichang.edge.sim.profile.ValueModels;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An NMEA 0183 GNSS receiver on a care-home minibus going round Yichang: each period a GGA, a GSV
 * (which the gateway's profile skips) and an RMC sentence, each with its {@code *hh} checksum.
 */
final class NmeaBehaviour implements Behaviour {

  /** Where the bus goes round: the centre of Yichang, and the radius of its loop in degrees. */
  private static final double LAT = 30.6920;

  private static final double LON = 111.2860;
  private static final double RADIUS_DEG = 0.004;

  private final double speedScale;
  private final ValueModel speed; // m/s
  private final ValueModel satellites;
  private final ValueModel hdop;
  private final ValueModel altitude;
  private double angle;
  private double seconds;
  private Map<String, Object> expected = Map.of();

  NmeaBehaviour(AsciiLineSpec spec, long seed) {
    this.speedScale =
        spec.lines().stream()
            .flatMap(k -> k.fields().stream())
            .filter(f -> f.name().equals("speed"))
            .findFirst()
            .map(AsciiLineSpec.LineField::scale)
            .orElse(0.514444);
    this.speed = ValueModels.walk(0, 16, 7, 0.4, Duration.ofMinutes(2), seed);
    this.satellites = ValueModels.walk(6, 18, 12, 0.05, Duration.ofMinutes(10), seed + 1);
    this.hdop = ValueModels.walk(0.6, 2.5, 0.9, 0.01, Duration.ofMinutes(10), seed + 2);
    this.altitude = ValueModels.walk(45, 120, 65, 0.2, Duration.ofMinutes(10), seed + 3);
    this.angle = new java.util.SplittableRandom(seed).nextDouble(2 * Math.PI);
  }

  @Override
  public boolean streams() {
    return true;
  }

  @Override
  public synchronized void advance(double s) {
    seconds += s;
    speed.advance(s);
    satellites.advance(s);
    hdop.advance(s);
    altitude.advance(s);
    angle += speed.value() * s / (RADIUS_DEG * 111_000);
  }

  @Override
  public synchronized byte[] burst() {
    double lat = LAT + RADIUS_DEG * Math.sin(angle);
    double lon = LON + RADIUS_DEG * Math.cos(angle);
    long t = (long) seconds % 86_400;
    String time = String.format(Locale.ROOT, "%02d%02d%02d", t / 3600, t / 60 % 60, t % 60);
    String latText = dm(lat, 2);
    String lonText = dm(lon, 3);
    int sats = (int) Math.round(satellites.value());
    String hdopText = String.format(Locale.ROOT, "%.1f", hdop.value());
    String altText = String.format(Locale.ROOT, "%.1f", altitude.value());
    String knots = String.format(Locale.ROOT, "%.1f", speed.value() / 0.514444);
    double courseDeg = (Math.toDegrees(Math.PI / 2 - angle) % 360 + 360) % 360;
    String course = String.format(Locale.ROOT, "%.1f", courseDeg);
    String gga =
        sentence(
            "GNGGA,%s.00,%s,N,%s,E,1,%02d,%s,%s,M,-8.9,M,,"
                .formatted(time, latText, lonText, sats, hdopText, altText));
    String gsv = sentence("GPGSV,1,1,04,01,40,083,46,02,17,308,41,12,07,344,39,14,22,228,45");
    String rmc =
        sentence(
            "GNRMC,%s.00,A,%s,N,%s,E,%s,%s,291126,,,A"
                .formatted(time, latText, lonText, knots, course));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("latitude", degrees(latText));
    values.put("longitude", degrees(lonText));
    values.put("fix_quality", 1L);
    values.put("satellites", (long) sats);
    values.put("hdop", Double.parseDouble(hdopText));
    values.put("altitude", Double.parseDouble(altText));
    values.put("fix_valid", true);
    values.put(
        "speed", new BigDecimal(knots).multiply(BigDecimal.valueOf(speedScale)).doubleValue());
    values.put("course", Double.parseDouble(course));
    expected = Map.copyOf(values);
    return (gga + gsv + rmc).getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public int request(byte[] received, int length, byte[][] answer) {
    return length; // a receiver ignores what it is sent
  }

  @Override
  public synchronized Map<String, Object> expected() {
    return expected;
  }

  /** {@code $body*hh} CR LF, hh the XOR of the body's characters. */
  static String sentence(String body) {
    int x = 0;
    for (char c : body.toCharArray()) {
      x ^= c;
    }
    return "$" + body + String.format(Locale.ROOT, "*%02X\r\n", x);
  }

  /** Degrees as NMEA writes them: {@code ddmm.mmmm} (or {@code dddmm.mmmm}). */
  private static String dm(double degrees, int width) {
    int d = (int) degrees;
    double minutes = (degrees - d) * 60;
    String m = String.format(Locale.ROOT, "%07.4f", minutes);
    if (m.startsWith("60")) {
      d++;
      m = "00.0000";
    }
    return String.format(Locale.ROOT, "%0" + width + "d", d) + m;
  }

  /** What {@code ddmm.mmmm} means in decimal degrees, to 7 places. */
  private static double degrees(String dm) {
    int dot = dm.indexOf('.');
    BigDecimal d = new BigDecimal(dm.substring(0, dot - 2));
    BigDecimal m = new BigDecimal(dm.substring(dot - 2));
    return d.add(m.divide(BigDecimal.valueOf(60), 7, RoundingMode.HALF_EVEN)).doubleValue();
  }
}
