package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.Priority;
import java.util.regex.Pattern;

/**
 * One destination's queue in the buffer file: its rows of {@code messages} ({@code queue =
 * number}), read position, pending acknowledgements, counters and totals. Its sequence numbers
 * ({@code edge.seq}, or the destination's own numbering) are its own; row ids are the file's,
 * shared by every queue. Positions and {@link #newest} are guarded by the buffer's lock.
 */
final class Queue {
  /** The queue of the Kura platform of {@code uplink:}; a file of before holds only this one. */
  static final String FIRST = MessageStore.UPLINK;

  /** A destination name: it goes into the file's meta keys and the sequence file's name. */
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  final String name;

  /** Whether a destination of the configuration: one the file alone still holds is not sent. */
  final boolean configured;

  /** Its key in the file's {@code queues} table: the first queue's is 0; given at open. */
  int number;

  final ReadCursor cursor = new ReadCursor();
  final StoreStats stats;

  /**
   * The highest id committed per priority since the file was opened (never below the file's): a
   * take skips a priority whose position has reached it instead of running a query that finds
   * nothing. Alarms and replies are rare, and every take asked for them: 2-3 empty queries a take,
   * a third of its cost at a window of 20.
   */
  final long[] newest = new long[Priority.values().length];

  Queue(String name, boolean configured, FileFigures file) {
    this.name = name;
    this.configured = configured;
    this.number = name.equals(FIRST) ? 0 : -1;
    this.stats = new StoreStats(file);
  }

  /** Its meta key for {@code key}: the first queue's are those of a file of before, bare. */
  String metaKey(String key) {
    return name.equals(FIRST) ? key : key + "." + name;
  }

  @Override
  public String toString() {
    return name;
  }
}
