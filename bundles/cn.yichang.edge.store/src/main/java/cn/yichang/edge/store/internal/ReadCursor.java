package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.Priority;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the uplink has taken and acknowledged. Within a priority ids grow in commit order, so the
 * taken messages of a priority are exactly those up to its position; a rewind sets every position
 * back to the start. Acknowledged ids wait here until their deletion is committed, and {@link
 * #isAcknowledged} keeps them from being taken again meanwhile (even when the deletion fails, e.g.
 * on a full disk).
 *
 * <p>Splits and set-asides wait here the same way, for the next commit; a set-aside id is not taken
 * again meanwhile.
 *
 * <p>Positions are guarded by the buffer's lock; acknowledgements, splits and set-asides are
 * lock-free so that the uplink's threads never wait for a commit.
 */
final class ReadCursor {
  /** Sending order: highest priority first. */
  static final List<Priority> SENDING_ORDER =
      List.of(Priority.ALARM, Priority.CONTROL, Priority.TELEMETRY);

  private final long[] positions = new long[Priority.values().length];
  private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
  private final Map<Long, RowSplit> splits = new ConcurrentHashMap<>();
  private final Map<Long, String> setAside = new ConcurrentHashMap<>();

  long position(Priority priority) {
    return positions[priority.ordinal()];
  }

  void advance(Priority priority, long id) {
    positions[priority.ordinal()] = Math.max(positions[priority.ordinal()], id);
  }

  void rewind() {
    Arrays.fill(positions, 0);
  }

  void acknowledge(long id) {
    acknowledged.add(id);
  }

  /** Acknowledged or set aside: either way not to be handed out again. */
  boolean isDone(long id) {
    return acknowledged.contains(id) || setAside.containsKey(id);
  }

  void split(RowSplit split) {
    splits.put(split.id(), split);
  }

  void setAside(long id, String reason) {
    setAside.put(id, reason);
  }

  /** The splits not committed yet. */
  List<RowSplit> pendingSplits() {
    return List.copyOf(splits.values());
  }

  /** The set-asides not committed yet, by id. */
  Map<Long, String> pendingSetAsides() {
    return Map.copyOf(setAside);
  }

  /** These splits and set-asides are committed. */
  void changed(Collection<RowSplit> committedSplits, Collection<Long> committedSetAsides) {
    for (RowSplit split : committedSplits) {
      splits.remove(split.id(), split);
    }
    for (Long id : committedSetAsides) {
      setAside.remove(id);
    }
  }

  int pendingDeleteCount() {
    return acknowledged.size();
  }

  /** The acknowledged ids whose deletion is not committed yet. */
  List<Long> pendingDeletes() {
    return List.copyOf(acknowledged);
  }

  /** Their deletion is committed (or their rows are gone). */
  void deleted(Collection<Long> ids) {
    for (Long id : ids) {
      acknowledged.remove(id);
    }
  }
}
