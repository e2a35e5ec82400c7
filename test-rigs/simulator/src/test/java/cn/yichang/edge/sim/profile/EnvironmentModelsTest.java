package cn.yichang.edge.sim.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The library's weather, greenhouse, water and ultrasonic points move the way such sensors do. */
class EnvironmentModelsTest {

  @Test
  void theWindVaneWrapsAroundNorthAndRainOnlyRises() throws IOException {
    ProfileUnit station = ProfileUnitTest.load("agriculture/weather-station", 3);
    boolean wrapped = false;
    long last = (Long) station.expectedValues().get("wind_direction");
    double rain = (Double) station.expectedValues().get("rainfall");
    double firstRain = rain;
    int rainyMinutes = 0;
    for (int minute = 0; minute < 3 * 24 * 60; minute++) {
      station.advance(Duration.ofMinutes(1));
      Map<String, Object> v = station.expectedValues();
      long direction = (Long) v.get("wind_direction");
      assertThat(direction).isBetween(0L, 359L);
      // a step across north: from the last quarter to the first or back, not through 180
      wrapped |= Math.abs(direction - last) > 270;
      last = direction;
      double now = (Double) v.get("rainfall");
      assertThat(now).as("minute %d", minute).isGreaterThanOrEqualTo(rain);
      rainyMinutes += now > rain ? 1 : 0;
      rain = now;
      assertThat((Double) v.get("pressure")).isBetween(95.0, 108.0);
      assertThat((Double) v.get("wind_speed")).isBetween(0.0, 20.0);
    }
    assertThat(wrapped).as("crossed north").isTrue();
    assertThat(rain).isGreaterThan(firstRain);
    assertThat(rainyMinutes).as("minutes of rain in 3 days").isBetween(20, 3 * 24 * 60 / 3);
  }

  @Test
  void sunlightIsZeroAtNightAndHighAtNoon() throws IOException {
    ProfileUnit station = ProfileUnitTest.load("agriculture/weather-station", 5);
    ProfileUnit greenhouse = ProfileUnitTest.load("agriculture/greenhouse-co2", 5);
    long dark = 0;
    long bright = 0;
    long darkLux = 0;
    for (int minute = 0; minute < 2 * 24 * 60; minute++) {
      station.advance(Duration.ofMinutes(1));
      greenhouse.advance(Duration.ofMinutes(1));
      long radiation = (Long) station.expectedValues().get("solar_radiation");
      long lux = (Long) greenhouse.expectedValues().get("illuminance");
      dark += radiation == 0 ? 1 : 0;
      bright += radiation > 300 ? 1 : 0;
      darkLux += lux == 0 ? 1 : 0;
      assertThat((Long) greenhouse.expectedValues().get("co2")).isBetween(300L, 1500L);
    }
    // 12 hours of night a day, a few hours of strong sun
    assertThat(dark).isBetween(2 * 11 * 60L, 2 * 13 * 60L);
    assertThat(darkLux).isBetween(2 * 11 * 60L, 2 * 13 * 60L);
    assertThat(bright).isGreaterThan(2 * 60L);
  }

  @Test
  void waterQualityStaysAtTypicalLevels() throws IOException {
    ProfileUnit dissolvedOxygen = ProfileUnitTest.load("water/dissolved-oxygen", 7);
    ProfileUnit turbidity = ProfileUnitTest.load("water/turbidity", 7);
    ProfileUnit ammonia = ProfileUnitTest.load("water/ammonia-nitrogen", 7);
    for (int minute = 0; minute < 24 * 60; minute++) {
      dissolvedOxygen.advance(Duration.ofMinutes(1));
      turbidity.advance(Duration.ofMinutes(1));
      ammonia.advance(Duration.ofMinutes(1));
      assertThat((Double) dissolvedOxygen.expectedValues().get("dissolved_oxygen"))
          .isBetween(5.0, 10.0);
      assertThat((Double) dissolvedOxygen.expectedValues().get("saturation"))
          .isBetween(80.0, 105.0);
      assertThat((Double) turbidity.expectedValues().get("turbidity")).isBetween(2.0, 40.0);
      assertThat((Double) ammonia.expectedValues().get("ammonia_nitrogen")).isBetween(0.2, 2.0);
    }
  }

  @Test
  void theUltrasonicEchoComesFromTheCarRoofWhileOccupied() throws IOException {
    ProfileUnit bay = ProfileUnitTest.load("parking/ultrasonic-bay", 2);
    int occupiedMinutes = 0;
    for (int minute = 0; minute < 24 * 60; minute++) {
      bay.advance(Duration.ofMinutes(1));
      Map<String, Object> v = bay.expectedValues();
      long distance = (Long) v.get("distance");
      boolean occupied = (Boolean) v.get("occupied");
      assertThat(v.get("indicator_red")).isEqualTo(occupied);
      if (occupied) {
        occupiedMinutes++;
        assertThat(distance).as("roof, minute %d", minute).isBetween(100L, 190L);
      } else {
        assertThat(distance).as("floor, minute %d", minute).isBetween(280L, 295L);
      }
    }
    assertThat(occupiedMinutes).isBetween(60, 24 * 60 - 60);
  }

  @Test
  void tdsAndSalinityFollowTheConductivity() throws IOException {
    ProfileUnit probe = ProfileUnitTest.load("water/conductivity", 8);
    for (int minute = 0; minute < 24 * 60; minute += 7) {
      probe.advance(Duration.ofMinutes(7));
      Map<String, Object> v = probe.expectedValues();
      double microsiemens = (Long) v.get("conductivity");
      assertThat((Double) v.get("tds")).isCloseTo(microsiemens / 2, within(10.0));
      assertThat((Double) v.get("salinity"))
          .isCloseTo(0.4665 * Math.pow(microsiemens / 1000, 1.0878), within(0.01));
    }
  }
}
