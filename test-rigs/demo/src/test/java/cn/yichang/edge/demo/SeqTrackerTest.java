package cn.yichang.edge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeqTrackerTest {

  private final SeqTracker seq = new SeqTracker();

  @Test
  void consecutiveNumbersHaveNoGapsNorDuplicates() {
    for (long n = 41; n <= 50; n++) {
      seq.accept(n);
    }
    assertThat(seq.gaps()).isZero();
    assertThat(seq.duplicates()).isZero();
  }

  @Test
  void aMissingNumberIsAGapUntilItArrives() {
    seq.accept(1);
    seq.accept(2);
    seq.accept(5);
    assertThat(seq.gaps()).isEqualTo(2);
    seq.accept(3);
    assertThat(seq.gaps()).isEqualTo(1);
  }

  @Test
  void aNumberSeenTwiceIsADuplicate() {
    seq.accept(7);
    seq.accept(8);
    seq.accept(7);
    assertThat(seq.duplicates()).isEqualTo(1);
    assertThat(seq.gaps()).isZero();
  }

  @Test
  void nothingSeenIsNoGap() {
    assertThat(seq.gaps()).isZero();
  }
}
