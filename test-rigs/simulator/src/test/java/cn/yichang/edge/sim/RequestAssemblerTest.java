package cn.yichang.edge.sim;

import static cn.yichang.edge.sim.RtuFrames.hex;
import static cn.yichang.edge.sim.RtuFrames.unhex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestAssemblerTest {

  private static final long GAP = 4_000_000; // 3.5 characters at 9600 baud, roughly
  private static final String READ = "01 03 00 00 00 02 c4 0b";
  private static final String WRITE = "11 10 00 01 00 02 04 00 0a 01 02 c6 f0";

  private final RequestAssembler assembler = new RequestAssembler(GAP);

  @Test
  void endsAKnownRequestAtItsLengthWithoutWaitingForTheGap() {
    List<ReceivedFrame> frames = assembler.accept(chunk(READ, 1_000));

    assertThat(frames)
        .singleElement()
        .satisfies(
            frame -> {
              assertThat(hex(frame.bytes())).isEqualTo(READ);
              assertThat(frame.firstByteNanos()).isEqualTo(1_000);
            });
    assertThat(assembler.gapDeadline()).isEmpty();
  }

  @Test
  void joinsARequestSplitOverChunks() {
    assertThat(assembler.accept(chunk("11 10 00 01 00", 1_000))).isEmpty();
    assertThat(assembler.accept(chunk("02 04 00 0a", 2_000))).isEmpty();
    List<ReceivedFrame> frames = assembler.accept(chunk("01 02 c6 f0", 3_000));

    assertThat(frames)
        .singleElement()
        .satisfies(
            frame -> {
              assertThat(hex(frame.bytes())).isEqualTo(WRITE);
              assertThat(frame.firstByteNanos()).isEqualTo(1_000);
            });
  }

  @Test
  void splitsRequestsThatRanTogether() {
    List<ReceivedFrame> frames = assembler.accept(chunk(READ + " " + WRITE, 1_000));

    assertThat(frames).extracting(frame -> hex(frame.bytes())).containsExactly(READ, WRITE);
  }

  @Test
  void dropsEverythingAfterABadCrcUntilTheGap() {
    assertThat(assembler.accept(chunk("01 03 00 00 00 02 c4 0c", 1_000))).isEmpty();
    assertThat(assembler.accept(chunk(READ, 1_000 + GAP / 2))).isEmpty();
    List<ReceivedFrame> afterGap = assembler.accept(chunk(READ, 1_000 + GAP / 2 + GAP));

    assertThat(afterGap).hasSize(1);
    assertThat(assembler.crcErrors()).isEqualTo(1);
    assertThat(assembler.discardedBytes()).isEqualTo(16);
  }

  @Test
  void resyncsWhenTheGapElapsesWithNothingNew() {
    assembler.accept(chunk("ff ff 01 03", 1_000));

    assertThat(assembler.gapDeadline()).hasValue(1_000 + GAP);
    assertThat(assembler.gapElapsed(1_000 + GAP - 1)).isEmpty();
    assertThat(assembler.gapElapsed(1_000 + GAP)).isEmpty();
    assertThat(assembler.gapDeadline()).isEmpty();
    assertThat(assembler.accept(chunk(READ, 10 * GAP))).hasSize(1);
  }

  @Test
  void dropsATruncatedRequestAtTheGap() {
    assembler.accept(chunk("01 03 00 00", 1_000));
    List<ReceivedFrame> frames = assembler.accept(chunk(READ, 1_000 + GAP));

    assertThat(frames).extracting(frame -> hex(frame.bytes())).containsExactly(READ);
    assertThat(assembler.discardedBytes()).isEqualTo(4);
  }

  @Test
  void endsAnUnknownFunctionAtTheGap() {
    String diagnostics = hex(RtuFrames.frame(1, 8, 0, 0, 0x12, 0x34));
    assertThat(assembler.accept(chunk(diagnostics, 1_000))).isEmpty();

    assertThat(assembler.gapElapsed(1_000 + GAP))
        .extracting(frame -> hex(frame.bytes()))
        .containsExactly(diagnostics);
  }

  @Test
  void dropsAnOverlongFrame() {
    assembler.accept(chunk("01 07 " + "00 ".repeat(300), 1_000));

    assertThat(assembler.gapElapsed(1_000 + GAP)).isEmpty();
    assertThat(assembler.discardedBytes()).isEqualTo(302);
  }

  private static TimedChunk chunk(String hex, long arrivalNanos) {
    return new TimedChunk(unhex(hex), arrivalNanos);
  }
}
