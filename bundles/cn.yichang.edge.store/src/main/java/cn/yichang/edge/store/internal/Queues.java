package cn.yichang.edge.store.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queues of the store by destination name: those configured, and those a file holds that are no
 * longer configured (kept, counted and evicted first when they grow, never sent). Thread-safe.
 */
final class Queues {
  private final FileFigures file = new FileFigures();
  private final Map<String, Queue> byName = new LinkedHashMap<>();

  Queues(List<String> configured) {
    byName.put(Queue.FIRST, new Queue(Queue.FIRST, true, file));
    for (String name : configured) {
      byName.computeIfAbsent(name, n -> new Queue(n, true, file));
    }
  }

  FileFigures file() {
    return file;
  }

  synchronized Queue first() {
    return byName.get(Queue.FIRST);
  }

  /** The named queue; {@code null} when neither configured nor in the file. */
  synchronized Queue get(String name) {
    return byName.get(name);
  }

  /** The named queue, made when the file holds one not configured. */
  synchronized Queue orCreate(String name) {
    return byName.computeIfAbsent(name, n -> new Queue(n, false, file));
  }

  /** Every queue, the first first. */
  synchronized List<Queue> all() {
    return new ArrayList<>(byName.values());
  }
}
