package cn.yichang.edge.modbus.internal;

import static cn.yichang.edge.modbus.internal.TestPoints.bit;
import static cn.yichang.edge.modbus.internal.TestPoints.point;
import static cn.yichang.edge.modbus.internal.TestPoints.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yichang.edge.modbus.ReadRequest;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * At 9600 8N1 with a 5 ms turnaround a separate request costs 13 bytes + 5 ms + 3.5 characters,
 * about 22.2 ms, and a skipped register 2.08 ms: reading across up to 10 registers is cheaper. At
 * 115200 the same request costs 7.9 ms and a register 0.17 ms: the break-even is 45 registers.
 */
class RequestPlannerTest {

  private static final LineSettings SLOW = new LineSettings("ttyA", 9600, Parity.NONE, 8, 1);
  private static final LineSettings FAST = new LineSettings("ttyB", 115200, Parity.NONE, 8, 1);
  private static final Duration TURNAROUND = Duration.ofMillis(5);
  private static final int UNLIMITED = DeviceProfile.UNLIMITED_GAP;

  @Test
  void readsContiguousPointsInOneRequest() {
    RequestPlan plan = plan(SLOW, UNLIMITED, u16(0), u16(1), u16(2));

    assertThat(plan.describe()).isEqualTo("holding 0..2");
    assertThat(plan.requests().get(0).points()).hasSize(3);
  }

  @Test
  void readsAcrossAGapUpToTheBreakEvenOfTheLine() {
    assertThat(plan(SLOW, UNLIMITED, u16(0), u16(11)).describe()).isEqualTo("holding 0..11");
    assertThat(plan(SLOW, UNLIMITED, u16(0), u16(12)).describe())
        .isEqualTo("holding 0..0, holding 12..12");
  }

  @Test
  void theBreakEvenGapGrowsWithTheBaudRate() {
    assertThat(plan(SLOW, UNLIMITED, u16(0), u16(21)).requests()).hasSize(2);
    assertThat(plan(FAST, UNLIMITED, u16(0), u16(21)).requests()).hasSize(1);
    assertThat(plan(FAST, UNLIMITED, u16(0), u16(50)).requests()).hasSize(2);
  }

  @Test
  void theBreakEvenGapGrowsWithTheTurnaround() {
    List<Point> points = List.of(u16(0), u16(10)); // 9 registers skipped

    assertThat(new RequestPlanner(SLOW, Duration.ZERO, UNLIMITED).plan(points).requests())
        .hasSize(2);
    assertThat(new RequestPlanner(SLOW, TURNAROUND, UNLIMITED).plan(points).requests()).hasSize(1);
  }

  @Test
  void maxGapZeroReadsOnlyAdjacentOrOverlappingPoints() {
    Point wide = point("w", Table.HOLDING, 0, PointType.INT32);

    assertThat(plan(SLOW, 0, wide, u16(1), u16(2)).describe()).isEqualTo("holding 0..2");
    assertThat(plan(SLOW, 0, u16(0), u16(2)).describe()).isEqualTo("holding 0..0, holding 2..2");
  }

  @Test
  void neverSpansMoreThanTheMaxGapEvenWhenItWouldBeCheaper() {
    assertThat(plan(SLOW, 3, u16(0), u16(4)).requests()).hasSize(1);
    assertThat(plan(SLOW, 3, u16(0), u16(5)).requests()).hasSize(2);
  }

  @Test
  void splitsAtOneHundredTwentyFiveRegisters() {
    Point[] points =
        IntStream.range(0, 130).mapToObj(RequestPlannerTest::u16).toArray(Point[]::new);

    RequestPlan plan = plan(SLOW, UNLIMITED, points);

    assertThat(plan.requests()).hasSize(2);
    assertThat(plan.requests()).allMatch(r -> r.request().count() <= ReadRequest.MAX_REGISTERS);
    assertThat(plan.pointCount()).isEqualTo(130);
  }

  @Test
  void keepsAMultiRegisterValueInOneRequestAtTheCap() {
    // 0..123 as uint16, then a float32 at 124..125: the float must not be cut
    List<Point> points = new ArrayList<>();
    IntStream.range(0, 124).forEach(a -> points.add(u16(a)));
    points.add(point("f", Table.HOLDING, 124, PointType.FLOAT32));

    RequestPlan plan = new RequestPlanner(SLOW, TURNAROUND, UNLIMITED).plan(points);

    assertThat(plan.requests())
        .allSatisfy(
            r ->
                assertThat(r.points())
                    .allMatch(p -> p.address() + p.span() - 1 <= r.request().lastAddress()));
  }

  @Test
  void groupsCoilsAtAnEighthOfAByteperSkippedBit() {
    Point c0 = bit("c0", Table.COIL, 0, -1);
    Point c50 = bit("c50", Table.COIL, 50, -1);
    Point c100 = bit("c100", Table.COIL, 100, -1);
    Point c1000 = bit("c1000", Table.COIL, 1000, -1);

    assertThat(plan(SLOW, UNLIMITED, c0, c50, c100).describe()).isEqualTo("coil 0..100");
    assertThat(plan(SLOW, UNLIMITED, c0, c1000).describe()).isEqualTo("coil 0..0, coil 1000..1000");
  }

  @Test
  void readsOverlappingPointsAndBitsOfOneRegisterOnce() {
    Point wide = point("wide", Table.INPUT, 10, PointType.INT32);
    Point low = point("low", Table.INPUT, 11, PointType.UINT16);
    Point alarm = bit("alarm", Table.INPUT, 10, 3);
    Point fault = bit("fault", Table.INPUT, 10, 5);

    RequestPlan plan = plan(SLOW, 0, alarm, wide, fault, low);

    assertThat(plan.describe()).isEqualTo("input 10..11");
    assertThat(plan.requests().get(0).points()).containsExactlyInAnyOrder(wide, low, alarm, fault);
  }

  @Test
  void readsEachTableWithItsOwnRequests() {
    RequestPlan plan =
        plan(
            SLOW,
            UNLIMITED,
            bit("d", Table.DISCRETE, 0, -1),
            point("i", Table.INPUT, 8, PointType.FLOAT32),
            u16(0),
            u16(1));

    assertThat(plan.describe()).isEqualTo("holding 0..1, input 8..9, discrete 0..0");
  }

  @Test
  void estimatesTheLineTimeOfAPoll() {
    LineSettings evenParity = new LineSettings("ttyC", 9600, Parity.EVEN, 8, 1);
    Point[] ten = IntStream.range(0, 10).mapToObj(RequestPlannerTest::u16).toArray(Point[]::new);

    RequestPlan plan = plan(evenParity, UNLIMITED, ten);

    // 8-byte request, 5 ms, 25-byte reply, 3.5 characters, 11 bits each
    long expected =
        evenParity.wireNanos(8)
            + TURNAROUND.toNanos()
            + evenParity.wireNanos(25)
            + evenParity.silenceNanos();
    assertThat(plan.estimatedNanos()).isEqualTo(expected);
    assertThat(plan.maxPollsPerSecond()).isBetween(21.3, 21.4);
  }

  @Test
  void refusesAPointNoRequestCanRead() {
    Point tooLong = string("s", Table.HOLDING, 0, 126);

    assertThatThrownBy(() -> plan(SLOW, UNLIMITED, tooLong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s");
  }

  @Test
  void findsTheCheapestPlanAmongAllGroupings() {
    java.util.Random random = new java.util.Random(42);
    for (int round = 0; round < 300; round++) {
      List<Point> points = new ArrayList<>();
      int n = 1 + random.nextInt(7);
      for (int i = 0; i < n; i++) {
        PointType type = PointType.values()[random.nextInt(7)]; // the numeric types
        points.add(point("p" + i, Table.HOLDING, random.nextInt(140), type));
      }
      int maxGap = random.nextBoolean() ? UNLIMITED : random.nextInt(12);
      RequestPlanner planner = new RequestPlanner(SLOW, TURNAROUND, maxGap);

      long best = BruteForcePlanner.cheapest(points, maxGap, planner);

      assertThat(planner.plan(points).estimatedNanos())
          .as("%s gap %d", points, maxGap)
          .isEqualTo(best);
    }
  }

  private static RequestPlan plan(LineSettings line, int maxGap, Point... points) {
    return RequestPlanner.plan(TestPoints.profile(maxGap, TURNAROUND, points), line);
  }

  private static Point u16(int address) {
    return point("r" + address, Table.HOLDING, address, PointType.UINT16);
  }
}
