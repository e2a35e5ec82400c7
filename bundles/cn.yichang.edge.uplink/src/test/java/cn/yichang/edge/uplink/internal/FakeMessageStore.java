package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.StoreCounters;
import cn.yichang.edge.store.StoreHistory;
import cn.yichang.edge.store.StoredMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The store's contract in memory: ids and sequence numbers from 1, sending order by priority then
 * age, rows leave only when acknowledged, rewind makes every taken row available again. It also
 * records what was asked of it, for assertions.
 */
final class FakeMessageStore implements MessageStore {

  private final TreeMap<Long, StoredMessage> rows = new TreeMap<>();
  private final Set<Long> taken = new HashSet<>();
  private final List<Long> acknowledgedIds = new ArrayList<>();
  private final Map<Long, String> setAside = new HashMap<>();
  private final Map<Long, Integer> takes = new HashMap<>();
  private long nextId = 1;
  private long accepted;
  private int rewinds;
  private StoreHistory history = new StoreHistory(0, 0, 0, false, null, null);

  @Override
  public synchronized void enqueue(OutboundMessage m) {
    long id = nextId++;
    rows.put(id, new StoredMessage(id, id, m.topic(), m.priority(), m.payload(), m.created()));
    accepted++;
    notifyAll();
  }

  @Override
  public synchronized List<StoredMessage> take(int max, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (available().isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return List.of();
      }
      wait(Math.max(1, left / 1_000_000));
    }
    List<StoredMessage> batch = available().stream().limit(max).toList();
    batch.forEach(m -> taken.add(m.id()));
    batch.forEach(m -> takes.merge(m.id(), 1, Integer::sum));
    return batch;
  }

  private List<StoredMessage> available() {
    return rows.values().stream()
        .filter(m -> !taken.contains(m.id()))
        .sorted(
            Comparator.comparing((StoredMessage m) -> m.priority())
                .reversed()
                .thenComparing(StoredMessage::id))
        .toList();
  }

  @Override
  public synchronized void acknowledge(long id) {
    rows.remove(id);
    taken.remove(id);
    acknowledgedIds.add(id);
  }

  /** As the real store, at once: the row takes the first part, the rest get the next ids. */
  @Override
  public synchronized void split(long id, byte[] first, List<OutboundMessage> rest) {
    StoredMessage row = rows.get(id);
    if (row == null) {
      return;
    }
    rows.put(
        id, new StoredMessage(id, row.seq(), row.topic(), row.priority(), first, row.created()));
    rest.forEach(this::enqueue);
  }

  @Override
  public synchronized void setAside(long id, String reason) {
    if (rows.remove(id) != null) {
      setAside.put(id, reason);
    }
    taken.remove(id);
  }

  synchronized Map<Long, String> setAsideRows() {
    return Map.copyOf(setAside);
  }

  synchronized List<StoredMessage> rows() {
    return List.copyOf(rows.values());
  }

  @Override
  public synchronized void rewind() {
    taken.clear();
    rewinds++;
    notifyAll();
  }

  @Override
  public synchronized StoreCounters counters() {
    return new StoreCounters(
        accepted, acknowledgedIds.size(), rows.size(), 0, 0, 0, 0, setAside.size());
  }

  /** Nothing is ever lost in memory: what the file would say, as a test sets it. */
  @Override
  public synchronized StoreHistory history() {
    return history;
  }

  synchronized void history(StoreHistory history) {
    this.history = history;
  }

  synchronized List<Long> acknowledgedIds() {
    return List.copyOf(acknowledgedIds);
  }

  synchronized int buffered() {
    return rows.size();
  }

  /** Ids of rows handed out again after a rewind: all the uplink can have sent twice. */
  synchronized Set<Long> takenMoreThanOnce() {
    return takes.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .map(Map.Entry::getKey)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Messages handed out by take() so far, counting each hand-out. */
  synchronized int takeCount() {
    return takes.values().stream().mapToInt(Integer::intValue).sum();
  }

  synchronized int rewinds() {
    return rewinds;
  }
}
