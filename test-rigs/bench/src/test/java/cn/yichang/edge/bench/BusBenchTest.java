package cn.yichang.edge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.yichang.edge.bench.BusBench.RunResult;
import cn.yichang.edge.sim.SocatPtyPair;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the benchmark harness briefly and checks what must hold whatever the machine's speed: the
 * gateway polled, every poll was complete, and it never sent a request before the line was silent.
 * Throughput is not asserted: that is the benchmark's figure, not a test's.
 */
class BusBenchTest {

  @TempDir Path work;

  @Test
  void theGatewayPollsASaturatedLineWithoutEarlyRequestsOrTimeouts() throws Exception {
    assumeTrue(SocatPtyPair.socatAvailable(), "socat is not installed");

    RunResult run =
        BusBench.run(
            115200,
            4,
            Duration.ofMillis(500),
            Duration.ofSeconds(2),
            BenchDevice.findProfileDir(),
            work,
            Optional.empty());

    assertThat(run.gateway().completePolls()).isPositive();
    assertThat(run.gateway().incompletePolls()).isZero();
    assertThat(run.gateway().simulator().earlyRequests()).isZero();
    assertThat(run.gateway().bus().timeouts()).isZero();
    assertThat(run.gateway().bus().corruptFrames()).isZero();
    assertThat(run.peer()).isEmpty();
  }

  @Test
  void theOptimumFollowsThePlannersWireModel() throws Exception {
    List<BenchDevice> devices =
        BenchDevice.fleet(
            BenchDevice.findProfileDir(), 2, BusBench.line(Path.of("/dev/null"), 9600));

    // soil-3in1: holding 0..2 = 8-byte request, 5 ms turnaround, 11-byte reply, 3.5-char silence;
    // at 9600 8N1 a character is 1.0417 ms
    assertThat(devices.get(0).plan().estimatedNanos())
        .isEqualTo(8_333_333 + 5_000_000 + 11_458_333 + 3_645_833);
    // ph-orp: holding 0..1 and input 8..9, two requests with 9-byte replies
    assertThat(devices.get(1).requestsPerPoll()).isEqualTo(2);
    long round = devices.stream().mapToLong(d -> d.plan().estimatedNanos()).sum();
    RunResult run =
        new RunResult(
            BusBench.line(Path.of("/dev/null"), 9600),
            devices,
            Duration.ZERO,
            null,
            Optional.empty());
    assertThat(run.optimumPollsPerSecond()).isCloseTo(2e9 / round, offset(1e-9));
  }
}
