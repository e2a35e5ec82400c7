package cn.yichang.edge.sim.serial;

import cn.yichang.edge.profile.AsciiLineSpec;
import cn.yichang.edge.sim.profile.ValueModel;
import cn.yichang.edge.sim.profile.ValueModels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An all-in-one weather transmitter speaking the WXT-style ASCII protocol: answers its poll command
 * ({@code 0R0} CR LF) with the composite data message.
 */
final class WeatherBehaviour implements Behaviour {

  private final byte[] command;
  private final ValueModel direction;
  private final ValueModel wind;
  private final ValueModel temperature;
  private final ValueModel humidity;
  private final ValueModel pressure;
  private final ValueModel rain;
  private final ValueModel solar;
  private Map<String, Object> expected = Map.of();

  WeatherBehaviour(AsciiLineSpec spec, long seed) {
    this.command = spec.command().getBytes(StandardCharsets.ISO_8859_1);
    this.direction = ValueModels.walk(0, 359, 120, 2, Duration.ofMinutes(30), seed);
    this.wind = ValueModels.walk(0, 25, 3, 0.05, Duration.ofMinutes(10), seed + 1);
    this.temperature = ValueModels.diurnal(18, 6, Duration.ofHours(24), 0.3, seed + 2);
    this.humidity = ValueModels.walk(20, 100, 65, 0.05, Duration.ofMinutes(30), seed + 3);
    this.pressure = ValueModels.walk(990, 1030, 1008, 0.01, Duration.ofHours(2), seed + 4);
    this.rain = ValueModels.trend(0, 0.8, 0, 10_000, seed + 5);
    this.solar = ValueModels.diurnal(300, 300, Duration.ofHours(24), 5, seed + 6);
  }

  @Override
  public boolean streams() {
    return false;
  }

  @Override
  public byte[] burst() {
    return new byte[0];
  }

  @Override
  public synchronized int request(byte[] received, int length, byte[][] answer) {
    for (int i = 0; i + command.length <= length; i++) {
      if (Arrays.equals(received, i, i + command.length, command, 0, command.length)) {
        answer[0] = message();
        return i + command.length;
      }
    }
    return length > 4 * command.length ? length - command.length + 1 : 0;
  }

  private byte[] message() {
    long dir = Math.round(direction.value());
    String speed = f("%.1f", wind.value());
    String temp = f("%.1f", temperature.value());
    String hum = f("%.1f", humidity.value());
    String press = f("%.1f", pressure.value());
    String rained = f("%.2f", rain.value());
    String sun = f("%.1f", Math.max(0, solar.value()));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("wind_direction", dir);
    values.put("wind_speed", Double.parseDouble(speed));
    values.put("air_temperature", Double.parseDouble(temp));
    values.put("humidity", Double.parseDouble(hum));
    values.put("pressure", Double.parseDouble(press));
    values.put("rain", Double.parseDouble(rained));
    values.put("solar_radiation", Double.parseDouble(sun));
    expected = Map.copyOf(values);
    return f(
            "0R0,Dm=%03dD,Sm=%sM,Ta=%sC,Ua=%sP,Pa=%sH,Rc=%sM,Sr=%sW\r\n",
            dir, speed, temp, hum, press, rained, sun)
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  @Override
  public synchronized void advance(double seconds) {
    for (ValueModel m :
        new ValueModel[] {direction, wind, temperature, humidity, pressure, rain, solar}) {
      m.advance(seconds);
    }
  }

  @Override
  public synchronized Map<String, Object> expected() {
    return expected;
  }
}
