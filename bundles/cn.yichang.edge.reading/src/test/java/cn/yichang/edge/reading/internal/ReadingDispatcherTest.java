package cn.yichang.edge.reading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.reading.ReadingSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingDispatcherTest {

  @Test
  void aFailingSinkDoesNotStopTheOthers() {
    List<ReadingSet> seen = new ArrayList<>();
    ReadingDispatcher dispatcher =
        new ReadingDispatcher(
            List.of(),
            List.of(
                s -> {
                  throw new IllegalStateException("broken sink");
                },
                seen::add));

    dispatcher.publish(LatestReadingsTest.set("soil-01", "2026-11-29T02:00:00Z", 20.0));

    assertThat(seen).hasSize(1);
  }

  @Test
  void theBufferGetsEachSetBeforeTheOtherSinks() {
    List<String> order = new ArrayList<>();
    ReadingDispatcher dispatcher =
        new ReadingDispatcher(List.of(s -> order.add("buffer")), List.of(s -> order.add("log")));

    dispatcher.publish(LatestReadingsTest.set("soil-01", "2026-11-29T02:00:00Z", 20.0));

    assertThat(order).containsExactly("buffer", "log");
  }
}
