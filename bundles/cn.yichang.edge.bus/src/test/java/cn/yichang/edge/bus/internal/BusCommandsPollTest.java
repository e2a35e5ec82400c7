package cn.yichang.edge.bus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.bus.PolledDevice;
import cn.yichang.edge.bus.Transactor;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.serial.SerialLineFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code edge:poll}: a device polled at once, out of an hour-long interval. */
class BusCommandsPollTest {

  private static final LineSettings LINE = new LineSettings("/dev/x", 115200, Parity.NONE, 8, 1);
  private BusScheduler scheduler;

  @AfterEach
  void stop() throws InterruptedException {
    scheduler.stop();
  }

  @Test
  void pollsNowAndSaysHowItWent() throws Exception {
    SerialLineFactory lines = s -> new ScriptedLine(s, r -> r[0] == 1 ? new byte[] {1} : null);
    scheduler = new BusScheduler("rs485-1", LINE, 5_000_000L, lines, Clock.systemUTC());
    AtomicInteger healthyPolls = new AtomicInteger();
    scheduler.attach(device("healthy", (byte) 1, healthyPolls));
    scheduler.attach(device("silent", (byte) 2, new AtomicInteger()));
    scheduler.start();
    BusCommands commands = new BusCommands(List.of(scheduler));
    // the first polls happen at attach; after them, the next are an hour away
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> scheduler.devices().stream().allMatch(d -> d.polls() == 1));

    assertThat(commands.poll("healthy")).startsWith("healthy on rs485-1: answered  tx=2 ");
    assertThat(healthyPolls).hasValue(2);
    assertThat(commands.poll("silent"))
        .startsWith("silent on rs485-1: no answer (failing x2)  tx=2 timeouts=2");
    assertThat(commands.poll("nobody")).isEqualTo("no device nobody on any bus");
  }

  private static PolledDevice device(String id, byte request, AtomicInteger polls) {
    return new PolledDevice() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Duration pollInterval() {
        return Duration.ofHours(1);
      }

      @Override
      public boolean poll(Transactor transactor) throws InterruptedException {
        polls.incrementAndGet();
        try {
          transactor.transact(new byte[] {request}, in -> in.readExactly(1));
          return true;
        } catch (cn.yichang.edge.bus.TransactionException e) {
          return false;
        }
      }
    };
  }
}
