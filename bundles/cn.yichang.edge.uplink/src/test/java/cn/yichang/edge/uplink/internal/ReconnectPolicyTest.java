package cn.yichang.edge.uplink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.LongSummaryStatistics;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

  private final ReconnectPolicy policy =
      new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(300), new SplittableRandom(7));

  @Test
  void everyDelayLiesBetweenMinAndAnExponentialCeilingCappedAtMax() {
    for (int failure = 1; failure <= 40; failure++) {
      long delay = policy.nextDelay().toMillis();
      long ceiling = Math.min(300_000, 1000L << Math.min(failure, 30));
      assertThat(delay).as("delay after failure %d", failure).isBetween(1000L, ceiling);
    }
    assertThat(policy.ceilingMs(1)).isEqualTo(2000);
    assertThat(policy.ceilingMs(8)).isEqualTo(256_000);
    assertThat(policy.ceilingMs(9)).isEqualTo(300_000);
    assertThat(policy.ceilingMs(500)).isEqualTo(300_000);
  }

  @Test
  void aThousandGatewaysThatFailTogetherSpreadOverTheWholeInterval() {
    // each gateway has its own policy and random source; all see their third failure at once
    LongSummaryStatistics third = new LongSummaryStatistics();
    Set<Long> distinctSeconds = new HashSet<>();
    for (int gateway = 0; gateway < 1000; gateway++) {
      ReconnectPolicy p =
          new ReconnectPolicy(
              Duration.ofSeconds(1), Duration.ofSeconds(300), new SplittableRandom(gateway));
      p.nextDelay();
      p.nextDelay();
      long delay = p.nextDelay().toMillis();
      third.accept(delay);
      distinctSeconds.add(delay / 1000);
    }
    // third ceiling is 8 s: uniform over [1 s, 8 s] has mean 4.5 s
    assertThat(third.getMin()).isLessThan(1300);
    assertThat(third.getMax()).isGreaterThan(7700);
    assertThat(third.getAverage()).isBetween(4200.0, 4800.0);
    assertThat(distinctSeconds).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L);
  }

  @Test
  void evenTheFirstRetryIsJittered() {
    Set<Long> first = new HashSet<>();
    for (int gateway = 0; gateway < 200; gateway++) {
      first.add(
          new ReconnectPolicy(
                  Duration.ofSeconds(1), Duration.ofSeconds(300), new SplittableRandom(gateway))
              .nextDelay()
              .toMillis());
    }
    assertThat(first).hasSizeGreaterThan(150).allMatch(d -> d >= 1000 && d <= 2000);
  }

  @Test
  void aConnectionThatHeldStartsOverFromTheMinimum() {
    for (int i = 0; i < 20; i++) {
      policy.nextDelay();
    }
    policy.connectionEnded(ReconnectPolicy.PROVEN_AFTER);
    assertThat(policy.failures()).isZero();
    assertThat(policy.nextDelay().toMillis()).isBetween(1000L, 2000L);
  }

  @Test
  void aConnectionDroppedSoonAfterConnackCountsAsAFailure() {
    for (int i = 0; i < 5; i++) {
      policy.nextDelay();
    }
    policy.connectionEnded(ReconnectPolicy.PROVEN_AFTER.minusMillis(1));
    assertThat(policy.failures()).isEqualTo(5);
    assertThat(policy.nextDelay().toMillis()).isBetween(1000L, 64_000L);
    assertThat(policy.failures()).isEqualTo(6);
  }

  @Test
  void equalMinAndMaxGiveAFixedDelay() {
    ReconnectPolicy fixed =
        new ReconnectPolicy(Duration.ofMillis(500), Duration.ofMillis(500), new SplittableRandom());
    assertThat(fixed.nextDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(fixed.nextDelay()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void rejectsBoundsThatMakeNoSense() {
    assertThatThrownBy(
            () -> new ReconnectPolicy(Duration.ZERO, Duration.ofSeconds(1), new SplittableRandom()))
        .hasMessageContaining("reconnect.min.ms");
    assertThatThrownBy(
            () ->
                new ReconnectPolicy(
                    Duration.ofSeconds(10), Duration.ofSeconds(1), new SplittableRandom()))
        .hasMessageContaining("reconnect.max.ms (1000) must not be below reconnect.min.ms (10000)");
  }
}
