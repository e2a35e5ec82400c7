package cn.yichang.edge.sim.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviours the rigs rely on: irrigation, occupancy, coupled points, pins, the ticker. */
class ValueModelsTest {

  @Test
  void soilDriesAndJumpsUpAfterIrrigation() throws IOException {
    ProfileUnit soil = ProfileUnitTest.load("agriculture/soil-3in1", 1);
    List<Double> moisture = new ArrayList<>();
    for (int minute = 0; minute < 120; minute++) {
      moisture.add((Double) soil.expectedValues().get("moisture"));
      soil.advance(Duration.ofMinutes(1));
    }
    int jumps = 0;
    int drier = 0;
    for (int i = 1; i < moisture.size(); i++) {
      double change = moisture.get(i) - moisture.get(i - 1);
      jumps += change >= 3 ? 1 : 0; // back to field capacity, at least 3 % of the range
      drier += change < 0 ? 1 : 0;
    }
    assertThat(jumps).as("irrigations in two hours").isBetween(10, 45);
    assertThat(drier).as("minutes in which it dried").isGreaterThan(60);
    assertThat(moisture.subList(30, 120)).allSatisfy(m -> assertThat(m).isBetween(20.0, 50.0));
  }

  @Test
  void aParkedCarStaysMinutesAndMovesTheFieldAndTheCount() throws IOException {
    ProfileUnit bay = ProfileUnitTest.load("parking/geomagnetic-detector", 2);
    int arrivals = 0;
    boolean before = (Boolean) bay.expectedValues().get("occupied");
    long count = (Long) bay.expectedValues().get("detection_count");
    double fieldEmpty = Double.NaN;
    boolean fieldChanged = false;
    for (int minute = 0; minute < 24 * 60; minute++) {
      bay.advance(Duration.ofMinutes(1));
      boolean occupied = (Boolean) bay.expectedValues().get("occupied");
      double z = (Double) bay.expectedValues().get("mag_z");
      if (!occupied) {
        fieldEmpty = z;
      } else if (!Double.isNaN(fieldEmpty) && Math.abs(z - fieldEmpty) > 1) {
        fieldChanged = true;
      }
      arrivals += occupied && !before ? 1 : 0;
      before = occupied;
    }
    // a car stays 5-60 min and the bay is empty 2-40 min: about 25-30 cars a day
    assertThat(arrivals).isBetween(10, 80);
    assertThat((Long) bay.expectedValues().get("detection_count") - count).isEqualTo(arrivals);
    assertThat(fieldChanged).isTrue();
  }

  @Test
  void vitalSignsAreZeroOffTheBedAndPlausibleInIt() throws IOException {
    ProfileUnit bed = ProfileUnitTest.load("elderly-care/bed-sensor", 4);
    int inBed = 0;
    for (int minute = 0; minute < 3 * 24 * 60; minute++) {
      bed.advance(Duration.ofMinutes(1));
      var v = bed.expectedValues();
      if ((Boolean) v.get("in_bed")) {
        inBed++;
        assertThat((Long) v.get("heart_rate")).isBetween(52L, 96L);
        assertThat((Long) v.get("breathing_rate")).isBetween(10L, 22L);
      } else {
        assertThat(v.get("heart_rate")).isEqualTo(0L);
      }
    }
    assertThat(inBed).isBetween(3 * 60, 3 * 24 * 60 - 60);
    assertThat((Long) bed.expectedValues().get("time_in_bed"))
        .isBetween(inBed * 60L - 120, inBed * 60L + 120);
    assertThat((String) bed.expectedValues().get("serial_number")).matches("SX\\d{8}");
  }

  @Test
  void aPinServesOutOfRangeUntilReleasedAndAModelCanBeReplaced() throws IOException {
    ProfileUnit ph = ProfileUnitTest.load("water/ph-orp", 1);
    ph.pin("ph", 15.5);
    ph.advance(Duration.ofMinutes(1));
    assertThat(ph.expectedValues().get("ph")).isEqualTo(15.5);
    ph.release("ph");
    assertThat((Double) ph.expectedValues().get("ph")).isBetween(0.0, 14.0);

    ph.setModel("orp", ValueModels.constant(-123));
    ph.advance(Duration.ofMinutes(1));
    assertThat(ph.expectedValues().get("orp")).isEqualTo(-123L);
  }

  @Test
  void theTickerAdvancesInRealTimeTimesTheSpeed() throws IOException {
    ProfileUnit unit = ProfileUnitTest.load("water/ph-orp", 1);
    try (ValueTicker ticker = ValueTicker.start(List.of(unit), Duration.ofMillis(20), 60)) {
      assertThat(ticker.speed()).isEqualTo(60);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> unit.simulatedTime().compareTo(Duration.ofSeconds(30)) > 0);
    }
    Duration stopped = unit.simulatedTime();
    await().during(Duration.ofMillis(100)).until(() -> unit.simulatedTime().equals(stopped));
  }
}
