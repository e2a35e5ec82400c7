package cn.yichang.edge.bus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.bus.Bus;
import cn.yichang.edge.bus.DeviceStatus;
import cn.yichang.edge.bus.PolledDevice;
import cn.yichang.edge.bus.ResponseTimeoutException;
import cn.yichang.edge.bus.Transactor;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.serial.SerialLine;
import cn.yichang.edge.serial.SerialLineFactory;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BusSchedulerTest {
  private static final LineSettings LINE = new LineSettings("/dev/x", 115200, Parity.NONE, 8, 1);

  private BusScheduler scheduler;

  @AfterEach
  void stop() throws InterruptedException {
    scheduler.stop();
  }

  private static PolledDevice device(String id, Duration interval, boolean answers) {
    return new PolledDevice() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Duration pollInterval() {
        return interval;
      }

      @Override
      public boolean poll(Transactor transactor) throws InterruptedException {
        try {
          transactor.transact(new byte[] {answers ? (byte) 1 : (byte) 2}, in -> in.readExactly(1));
          return true;
        } catch (ResponseTimeoutException e) {
          return false;
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }
    };
  }

  private static DeviceStatus status(Bus bus, String id) {
    return bus.devices().stream().filter(d -> d.deviceId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void pollsEveryDeviceAndBacksOffTheSilentOne() {
    SerialLineFactory lines = s -> new ScriptedLine(s, r -> r[0] == 1 ? new byte[] {1} : null);
    scheduler = new BusScheduler("rs485-1", LINE, 5_000_000L, lines, Clock.systemUTC());
    scheduler.attach(device("healthy", Duration.ofMillis(5), true));
    scheduler.attach(device("silent", Duration.ofMillis(5), false));
    scheduler.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> status(scheduler, "healthy").polls() >= 50);

    DeviceStatus silent = status(scheduler, "silent");
    assertThat(silent.consecutiveFailures()).isGreaterThan(0);
    assertThat(silent.backoff()).isPositive();
    assertThat(silent.counters().timeouts()).isEqualTo(silent.polls());
    assertThat(status(scheduler, "healthy").counters().timeouts()).isZero();
    assertThat(scheduler.counters().transactions())
        .isGreaterThanOrEqualTo(status(scheduler, "healthy").polls() + silent.polls());
  }

  @Test
  void anOnDemandExchangeRunsBeforeTheNextScheduledPollAndIsCountedForItsDevice() throws Exception {
    SerialLineFactory lines = s -> new ScriptedLine(s, r -> new byte[] {(byte) (r[0] + 1)});
    scheduler = new BusScheduler("rs485-1", LINE, 50_000_000L, lines, Clock.systemUTC());
    scheduler.attach(device("slow", Duration.ofHours(1), true));
    scheduler.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> status(scheduler, "slow").polls() == 1);

    byte[] answer =
        scheduler
            .exchange("slow", t -> t.transact(new byte[] {41}, in -> in.readExactly(1)))
            .get(10, TimeUnit.SECONDS);

    assertThat(answer).containsExactly(42);
    assertThat(status(scheduler, "slow").polls()).isEqualTo(1);
    assertThat(status(scheduler, "slow").counters().transactions()).isEqualTo(2);
  }

  @Test
  void aFailedExchangeCompletesExceptionallyAndTheBusGoesOn() {
    SerialLineFactory lines = s -> new ScriptedLine(s, r -> r[0] == 1 ? new byte[] {1} : null);
    scheduler = new BusScheduler("rs485-1", LINE, 5_000_000L, lines, Clock.systemUTC());
    scheduler.attach(device("healthy", Duration.ofMillis(5), true));
    scheduler.start();

    CompletableFuture<byte[]> silent =
        scheduler.exchange("nobody", t -> t.transact(new byte[] {2}, in -> in.readExactly(1)));

    assertThatThrownBy(() -> silent.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ResponseTimeoutException.class);
    long polls = status(scheduler, "healthy").polls();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> status(scheduler, "healthy").polls() > polls);
  }

  @Test
  void anExchangeCancelledWhileQueuedNeverRuns() throws Exception {
    SerialLineFactory lines = s -> new ScriptedLine(s, r -> new byte[] {1});
    scheduler = new BusScheduler("rs485-1", LINE, 50_000_000L, lines, Clock.systemUTC());
    AtomicInteger ran = new AtomicInteger();
    CompletableFuture<Integer> cancelled = scheduler.exchange("x", t -> ran.incrementAndGet());
    CompletableFuture<Integer> kept = scheduler.exchange("x", t -> ran.incrementAndGet());
    cancelled.cancel(false);
    scheduler.start();

    assertThat(kept.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(ran).hasValue(1);
  }

  @Test
  void onDemandExchangesCannotStarveTheScheduledDevices() throws Exception {
    SerialLineFactory lines = s -> new ScriptedLine(s, r -> new byte[] {1});
    scheduler = new BusScheduler("rs485-1", LINE, 50_000_000L, lines, Clock.systemUTC());
    scheduler.attach(device("polled", Duration.ofMillis(1), true));
    scheduler.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> status(scheduler, "polled").polls() >= 1);

    // Keep the queue full for a while: the polled device must still get every other turn.
    long before = status(scheduler, "polled").polls();
    int exchanges = 0;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
    while (System.nanoTime() < deadline) {
      List<CompletableFuture<byte[]>> batch = new ArrayList<>();
      for (int i = 0; i < BusScheduler.MAX_ON_DEMAND; i++) {
        batch.add(
            scheduler.exchange("x", t -> t.transact(new byte[] {1}, in -> in.readExactly(1))));
      }
      for (CompletableFuture<byte[]> f : batch) {
        try {
          f.get(10, TimeUnit.SECONDS);
          exchanges++;
        } catch (ExecutionException refusedWhenFull) {
          assertThat(refusedWhenFull).hasCauseInstanceOf(RejectedExecutionException.class);
        }
      }
    }
    long polls = status(scheduler, "polled").polls() - before;
    assertThat(exchanges).isGreaterThan(20);
    assertThat(polls).isGreaterThanOrEqualTo(exchanges / 2L);
  }

  @Test
  void aDetachedDeviceIsNoLongerPolled() {
    SerialLineFactory lines = s -> new ScriptedLine(s, r -> new byte[] {1});
    scheduler = new BusScheduler("rs485-1", LINE, 5_000_000L, lines, Clock.systemUTC());
    Bus.Attachment attachment = scheduler.attach(device("d", Duration.ofMillis(1), true));
    scheduler.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> status(scheduler, "d").polls() > 3);

    attachment.close();

    assertThat(scheduler.devices()).isEmpty();
  }

  @Test
  void reopensTheLineWhenItCannotBeOpenedAtFirst() {
    AtomicInteger attempts = new AtomicInteger();
    SerialLineFactory lines =
        s -> {
          if (attempts.incrementAndGet() == 1) {
            throw new IOException(s.port() + ": no such serial port");
          }
          SerialLine line = new ScriptedLine(s, r -> new byte[] {1});
          return line;
        };
    scheduler = new BusScheduler("rs485-1", LINE, 5_000_000L, lines, Clock.systemUTC());
    scheduler.attach(device("d", Duration.ofMillis(1), true));
    scheduler.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> status(scheduler, "d").polls() > 0);
    assertThat(attempts.get()).isEqualTo(2);
  }

  @Test
  void aLineInUseWhenTheBusStopsIsClosedByItsThreadOnceTheTransactionIsOverAndNotReopened()
      throws Exception {
    List<ScriptedLine> opened = new CopyOnWriteArrayList<>();
    SerialLineFactory lines =
        s -> {
          ScriptedLine line = new ScriptedLine(s, r -> new byte[] {1});
          opened.add(line);
          return line;
        };
    CountDownLatch inTransaction = new CountDownLatch(1);
    CountDownLatch transactionOver = new CountDownLatch(1);
    AtomicBoolean closedDuringTheTransaction = new AtomicBoolean();
    scheduler = new BusScheduler("rs485-1", LINE, 5_000_000L, lines, Clock.systemUTC());
    scheduler.attach(
        new PolledDevice() {
          @Override
          public String id() {
            return "stuck";
          }

          @Override
          public Duration pollInterval() {
            return Duration.ofHours(1);
          }

          @Override
          public boolean poll(Transactor transactor) {
            inTransaction.countDown();
            // A native read or write ignores the interrupt: so does this transaction.
            awaitIgnoringInterrupts(transactionOver);
            closedDuringTheTransaction.set(opened.get(0).closed);
            return true;
          }
        });
    scheduler.start();
    assertThat(inTransaction.await(10, TimeUnit.SECONDS)).isTrue();

    scheduler.stop(Duration.ofMillis(10));

    assertThat(opened.get(0).closed).as("closed under the bus thread").isFalse();
    transactionOver.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> opened.get(0).closed);
    assertThat(closedDuringTheTransaction).isFalse();
    assertThat(opened).hasSize(1);
  }

  private static void awaitIgnoringInterrupts(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
