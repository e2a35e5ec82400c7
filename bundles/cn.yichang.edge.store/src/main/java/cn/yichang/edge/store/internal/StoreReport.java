package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.Priority;
import cn.yichang.edge.store.StoreCounters;
import cn.yichang.edge.store.StoreHistory;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of {@code edge:store}: per destination, the counters since start, the totals since the
 * file was created and how this run began, then what is buffered per priority.
 */
final class StoreReport {

  private StoreReport() {}

  static String format(String path, Map<String, QueueStore> queues) {
    StringBuilder out = new StringBuilder(path).append(System.lineSeparator());
    for (Map.Entry<String, QueueStore> q : queues.entrySet()) {
      QueueStore store = q.getValue();
      out.append("destination ").append(q.getKey()).append(System.lineSeparator());
      out.append(format(store.counters(), store.history(), store.spans()));
    }
    return out.toString();
  }

  static String format(StoreCounters c, StoreHistory h, List<PrioritySpan> spans) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "accepted=%d acknowledged=%d buffered=%d (%.2f MB) evicted=%d lost=%d"
                + " set-aside=%d corrupt-files-moved-aside=%d%n",
            c.accepted(),
            c.acknowledged(),
            c.buffered(),
            c.bufferedBytes() / (1024.0 * 1024.0),
            c.evicted(),
            c.lost(),
            c.setAside(),
            c.corruptDatabasesMovedAside()));
    out.append(
        String.format(
            Locale.ROOT,
            "since the file was created: lost=%d evicted=%d set-aside=%d; %s%n",
            h.lost(),
            h.evicted(),
            h.setAside(),
            h.uncleanStop()
                ? "unclean stop before this run ("
                    + h.uncleanCause()
                    + "), last commit before it "
                    + (h.lastCommit() == null ? "unknown" : h.lastCommit())
                : "clean start"));
    for (Priority priority : ReadCursor.SENDING_ORDER) {
      PrioritySpan span =
          spans.stream().filter(s -> s.priority() == priority).findFirst().orElse(null);
      if (span == null) {
        out.append(String.format(Locale.ROOT, "  %-9s      0%n", priority));
      } else {
        out.append(
            String.format(
                Locale.ROOT,
                "  %-9s %6d  oldest %s  newest %s%n",
                priority,
                span.count(),
                span.oldest(),
                span.newest()));
      }
    }
    return out.toString();
  }
}
