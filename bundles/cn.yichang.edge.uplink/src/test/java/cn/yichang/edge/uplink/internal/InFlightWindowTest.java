package cn.yichang.edge.uplink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InFlightWindowTest {

  private final InFlightWindow window = new InFlightWindow();

  @Test
  void admitsUpToItsCapacityAndFreesASlotPerCompletion() throws InterruptedException {
    long gen = window.open(3);
    assertThat(window.awaitFree(Duration.ZERO)).isEqualTo(3);
    assertThat(window.acquire(gen)).isTrue();
    assertThat(window.acquire(gen)).isTrue();
    assertThat(window.acquire(gen)).isTrue();
    assertThat(window.acquire(gen)).isFalse();
    assertThat(window.awaitFree(Duration.ofMillis(20))).isZero();
    window.release(gen);
    assertThat(window.awaitFree(Duration.ZERO)).isEqualTo(1);
    assertThat(window.inFlight()).isEqualTo(2);
  }

  @Test
  void lateCompletionsOfAnEarlierConnectionDoNotFreeSlotsOfTheNewOne() {
    long old = window.open(2);
    window.acquire(old);
    window.acquire(old);
    long current = window.open(2);
    window.acquire(current);
    window.acquire(current);
    window.release(old);
    window.release(old);
    assertThat(window.inFlight()).isEqualTo(2);
    assertThat(window.acquire(old)).isFalse();
  }

  @Test
  void aClosedWindowAdmitsNothing() throws InterruptedException {
    long gen = window.open(5);
    window.close();
    assertThat(window.acquire(gen)).isFalse();
    assertThat(window.awaitFree(Duration.ofMillis(10))).isZero();
    assertThat(window.awaitEmpty(Duration.ZERO)).isTrue();
  }

  @Test
  void awaitEmptyReturnsWhenTheLastAcknowledgementArrives() throws InterruptedException {
    long gen = window.open(2);
    window.acquire(gen);
    Thread acker = new Thread(() -> window.release(gen));
    acker.start();
    assertThat(window.awaitEmpty(Duration.ofSeconds(5))).isTrue();
    acker.join();
  }
}
