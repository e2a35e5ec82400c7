package cn.yichang.edge.gpio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CounterFilesTest {
  @TempDir Path dir;

  @Test
  void aStormOfPulsesIsWrittenOnlyAtTheFlushAndThenOnce() throws Exception {
    CounterFiles counts = new CounterFiles(dir.resolve("gpio"));
    for (long n = 1; n <= 10_000; n++) {
      counts.update("rain-01", n);
    }
    assertThat(dir.resolve("gpio/rain-01.count")).doesNotExist();
    assertThat(counts.load("rain-01")).isEqualTo(10_000); // what is pending counts already

    counts.flush();
    assertThat(Files.readString(dir.resolve("gpio/rain-01.count"))).isEqualTo("pulses=10000\n");
    assertThat(dir.resolve("gpio")).isDirectoryNotContaining("glob:**.tmp");
    assertThat(new CounterFiles(dir.resolve("gpio")).load("rain-01")).isEqualTo(10_000);
  }

  @Test
  void aDamagedFileCountsFromZeroAndIsReplacedAtTheNextFlush() throws Exception {
    Files.createDirectories(dir.resolve("gpio"));
    Files.writeString(dir.resolve("gpio/meter.count"), "pulses=12x");
    CounterFiles counts = new CounterFiles(dir.resolve("gpio"));
    assertThat(counts.load("meter")).isZero();
    assertThat(counts.load("never-seen")).isZero();
    counts.update("meter", 3);
    counts.flush();
    assertThat(Files.readString(dir.resolve("gpio/meter.count"))).isEqualTo("pulses=3\n");
  }

  @Test
  void anUnwritableDirectoryKeepsTheCountToRetry() throws Exception {
    Path blocked = dir.resolve("gpio");
    Files.writeString(blocked, "a file where the directory should be");
    CounterFiles counts = new CounterFiles(blocked);
    counts.update("rain-01", 5);
    counts.flush(); // fails, logged
    Files.delete(blocked);
    counts.flush();
    assertThat(Files.readString(blocked.resolve("rain-01.count"))).isEqualTo("pulses=5\n");
  }
}
