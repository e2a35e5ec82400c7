package cn.yichang.edge.bus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.bus.PolledDevice;
import cn.yichang.edge.bus.Transactor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScheduledDeviceTest {
  private static final long SECOND = 1_000_000_000L;

  private static PolledDevice every(Duration interval) {
    return new PolledDevice() {
      @Override
      public String id() {
        return "dev";
      }

      @Override
      public Duration pollInterval() {
        return interval;
      }

      @Override
      public boolean poll(Transactor transactor) {
        return true;
      }
    };
  }

  @Test
  void keepsItsRhythmWhenPolledOnTime() {
    ScheduledDevice device = new ScheduledDevice(every(Duration.ofSeconds(10)), 0);

    device.polled(true, SECOND / 10);

    assertThat(device.dueNanos()).isEqualTo(10 * SECOND);
  }

  @Test
  void doesNotBurstToCatchUpAfterBeingLate() {
    ScheduledDevice device = new ScheduledDevice(every(Duration.ofSeconds(1)), 0);

    device.polled(true, 5 * SECOND);

    assertThat(device.dueNanos()).isEqualTo(5 * SECOND);
  }

  @Test
  void backsOffExponentiallyUpToAMinuteThenRecovers() {
    ScheduledDevice device = new ScheduledDevice(every(Duration.ofSeconds(10)), 0);

    device.polled(false, 0);
    assertThat(device.dueNanos()).isEqualTo(20 * SECOND);
    device.polled(false, 20 * SECOND);
    assertThat(device.dueNanos()).isEqualTo(60 * SECOND);
    device.polled(false, 60 * SECOND);
    assertThat(device.dueNanos()).isEqualTo(120 * SECOND);
    assertThat(device.status().consecutiveFailures()).isEqualTo(3);
    assertThat(device.status().backoff()).isEqualTo(Duration.ofSeconds(50));

    device.polled(true, 120 * SECOND);
    assertThat(device.dueNanos()).isEqualTo(130 * SECOND);
    assertThat(device.status().consecutiveFailures()).isZero();
    assertThat(device.status().polls()).isEqualTo(4);
  }

  @Test
  void aSlowDeviceBacksOffNoFurtherThanItsOwnInterval() {
    ScheduledDevice device = new ScheduledDevice(every(Duration.ofMinutes(5)), 0);

    device.polled(false, 0);

    assertThat(device.dueNanos()).isEqualTo(300 * SECOND);
  }
}
