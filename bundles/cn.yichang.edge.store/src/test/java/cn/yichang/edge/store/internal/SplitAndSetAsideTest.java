package cn.yichang.edge.store.internal;

import static cn.yichang.edge.store.Priority.ALARM;
import static cn.yichang.edge.store.Priority.TELEMETRY;
import static cn.yichang.edge.store.internal.Stores.LONG;
import static cn.yichang.edge.store.internal.Stores.awaitAccepted;
import static cn.yichang.edge.store.internal.Stores.message;
import static cn.yichang.edge.store.internal.Stores.settings;
import static cn.yichang.edge.store.internal.Stores.takeAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A message too large for the platform is cut into parts, or set aside, without a gap in seq. */
class SplitAndSetAsideTest {
  @TempDir Path dir;

  @Test
  void aSplitRowKeepsItsSeqForThePartSentNowAndItsOtherPartsFollowWithTheNextSeqs()
      throws Exception {
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      for (int n = 0; n < 3; n++) {
        store.enqueue(message(TELEMETRY, n));
      }
      awaitAccepted(store, 3);
      List<StoredMessage> taken = store.take(1, Duration.ZERO);
      StoredMessage big = taken.get(0);

      store.split(big.id(), bytes("part-1"), List.of(part(big, "part-2"), part(big, "part-3")));
      await().atMost(LONG).until(() -> store.counters().buffered() == 5);

      List<StoredMessage> next = takeAll(store, 10);
      assertThat(next).extracting(StoredMessage::seq).containsExactly(2L, 3L, 4L, 5L);
      assertThat(next.subList(2, 4))
          .extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
          .containsExactly("part-2", "part-3");
      assertThat(next.get(2).topic()).isEqualTo(big.topic());
      assertThat(next.get(2).created()).isEqualTo(big.created());

      store.enqueue(message(TELEMETRY, 9));
      awaitAccepted(store, 4);
      assertThat(takeAll(store, 1)).extracting(StoredMessage::seq).containsExactly(6L);

      // after a lost connection the row is taken again holding only its first part
      store.rewind();
      StoredMessage again = store.take(1, Duration.ZERO).get(0);
      assertThat(again.seq()).isEqualTo(big.seq());
      assertThat(new String(again.payload(), StandardCharsets.UTF_8)).isEqualTo("part-1");
    }
  }

  @Test
  void aSplitSurvivesAReopenAndItsFirstPartAcknowledgedInTheSameGroupIsDeleted() throws Exception {
    long id;
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      store.enqueue(message(TELEMETRY, 0));
      awaitAccepted(store, 1);
      StoredMessage big = store.take(1, Duration.ZERO).get(0);
      id = big.id();
      store.split(id, bytes("part-1"), List.of(part(big, "part-2")));
      store.acknowledge(id);
    }
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      List<StoredMessage> left = takeAll(store, 10);
      assertThat(left).extracting(StoredMessage::seq).containsExactly(id + 1);
      assertThat(new String(left.get(0).payload(), StandardCharsets.UTF_8)).isEqualTo("part-2");
    }
  }

  @Test
  void aSplitOfARowEvictedMeanwhileAddsNothing() throws Exception {
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      store.enqueue(message(TELEMETRY, 0));
      awaitAccepted(store, 1);
      StoredMessage big = store.take(1, Duration.ZERO).get(0);
      store.acknowledge(big.id());
      await().atMost(LONG).until(() -> store.counters().buffered() == 0);

      store.split(big.id(), bytes("part-1"), List.of(part(big, "part-2")));
      store.enqueue(message(TELEMETRY, 1));
      awaitAccepted(store, 2);

      assertThat(takeAll(store, 10)).extracting(Stores::number).containsExactly(1);
    }
  }

  @Test
  void aSetAsideMessageLeavesTheQueueIsCountedAndKeptForInspection() throws Exception {
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      store.enqueue(message(ALARM, 0));
      store.enqueue(message(TELEMETRY, 1));
      store.enqueue(message(TELEMETRY, 2));
      awaitAccepted(store, 3);
      List<StoredMessage> taken = store.take(3, Duration.ZERO);

      store.setAside(taken.get(1).id(), "packet too large: 5000 bytes, the broker takes 2048");
      // not handed out again, even before the next commit
      store.rewind();
      assertThat(takeAll(store, 10)).extracting(Stores::number).containsExactly(0, 2);
      await().atMost(LONG).until(() -> store.counters().setAside() == 1);
      assertThat(store.counters().buffered()).isEqualTo(2);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("buffer.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, topic, reason FROM set_aside")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(2);
      assertThat(rs.getString(2)).isEqualTo("t/1");
      assertThat(rs.getString(3)).contains("2048");
      assertThat(rs.next()).isFalse();
    }
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      assertThat(takeAll(store, 10)).extracting(Stores::number).containsExactly(0, 2);
      // counted in the file: BIRTH tells the platform of it in every later run
      assertThat(store.history().setAside()).isEqualTo(1);
    }
  }

  @Test
  void onlyTheNewestSetAsideMessagesAreKept() throws Exception {
    int count = SetAsideTable.KEPT + 20;
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      for (int n = 0; n < count; n++) {
        store.enqueue(message(TELEMETRY, n));
      }
      awaitAccepted(store, count);
      for (StoredMessage m : takeAll(store, count)) {
        store.setAside(m.id(), "not authorized");
      }
      await().atMost(LONG).until(() -> store.counters().setAside() == count);
    }
    try (SqliteMessageStore store = SqliteMessageStore.open(settings(dir))) {
      // the rows are pruned, the total is not
      assertThat(store.history().setAside()).isEqualTo(count);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("buffer.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), min(id), max(id) FROM set_aside")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(SetAsideTable.KEPT);
      assertThat(rs.getLong(2)).isEqualTo(count - SetAsideTable.KEPT + 1);
      assertThat(rs.getLong(3)).isEqualTo(count);
    }
  }

  private static OutboundMessage part(StoredMessage of, String text) {
    return new OutboundMessage(of.topic(), of.priority(), bytes(text), of.created());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
