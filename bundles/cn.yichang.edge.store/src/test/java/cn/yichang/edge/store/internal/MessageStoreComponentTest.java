package cn.yichang.edge.store.internal;

import static cn.yichang.edge.store.Priority.ALARM;
import static cn.yichang.edge.store.Priority.TELEMETRY;
import static cn.yichang.edge.store.internal.Stores.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.config.StoreConfig;
import cn.yichang.edge.store.config.StoreConfigCheck;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.ConfigurationException;

class MessageStoreComponentTest {
  @TempDir Path dir;

  @Test
  void servesTheStoreAndShowsItsState() throws Exception {
    MessageStoreComponent component =
        new MessageStoreComponent(new Config(dir.resolve("store/buffer.db").toString(), 20));
    MessageStore store = component.queue(MessageStore.UPLINK);
    try {
      store.enqueue(message(TELEMETRY, 1));
      store.enqueue(message(ALARM, 2));
      store.enqueue(message(TELEMETRY, 3));
      await().until(() -> store.counters().accepted() == 3);
      store.acknowledge(store.take(1, Duration.ZERO).get(0).id());
      store.rewind();

      assertThat(component.store())
          .contains("buffer.db")
          .contains("destination uplink")
          .contains("destination env-city")
          .contains("accepted=3 acknowledged=1 buffered=2")
          .contains("since the file was created: lost=0 evicted=0 set-aside=0; clean start")
          .containsPattern("ALARM +0\\R")
          .containsPattern("CONTROL +0\\R")
          .containsPattern(
              "TELEMETRY +2  oldest 2026-11-29T02:00:00.001Z  newest 2026-11-29T02:00:00.003Z");
    } finally {
      component.deactivate();
    }
  }

  @Test
  @Timeout(30) // a hang guard: the groups would otherwise wait their minute
  void deactivateCommitsWhatIsQueued() throws Exception {
    // Groups would wait a minute: only the flush at deactivation writes them.
    Config config = new Config(dir.resolve("buffer.db").toString(), 60_000);
    MessageStoreComponent component = new MessageStoreComponent(config);
    MessageStore store = component.queue(MessageStore.UPLINK);
    for (int n = 0; n < 5_000; n++) {
      store.enqueue(message(TELEMETRY, n, 200));
    }
    component.deactivate();
    assertThat(store.counters().accepted()).isEqualTo(5_000);

    MessageStoreComponent again = new MessageStoreComponent(config);
    try {
      assertThat(again.queue(MessageStore.UPLINK).counters().buffered()).isEqualTo(5_000);
    } finally {
      again.deactivate();
    }
  }

  @Test
  void refusesAConfigurationWithoutPath() {
    assertThatThrownBy(() -> new MessageStoreComponent(new Config("", 250)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("path");
  }

  /**
   * A directory that can never be made would have the store retry every group for ever, every
   * reading lost: refused at activation, and by the check validate runs, naming {@code path}.
   */
  @Test
  void refusesADatabaseWhoseDirectoryCannotBeCreated() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    Config config = new Config(file.resolve("store/buffer.db").toString(), 250);

    assertThatThrownBy(() -> StoreConfigCheck.check(config))
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.getProperty()).isEqualTo("path"))
        .hasMessageContaining(file + " is not a directory");
    assertThatThrownBy(() -> new MessageStoreComponent(config))
        .isInstanceOf(ConfigurationException.class);
    assertThat(Files.isRegularFile(file)).isTrue();
  }

  @Test
  void acceptsADatabaseInADirectoryItCanCreate() throws Exception {
    StoreConfigCheck.check(new Config(dir.resolve("a/b/buffer.db").toString(), 250));

    assertThat(dir.resolve("a")).doesNotExist();
  }

  /** The configuration as DS would pass it, with the OCD's defaults for what is not set here. */
  private record Config(String path, int commitIntervalMs) implements StoreConfig {
    @Override
    public int max_mb() {
      return 64;
    }

    @Override
    public int commit_interval_ms() {
      return commitIntervalMs;
    }

    @Override
    public int commit_max_messages() {
      return 500;
    }

    @Override
    public int queue_max_messages() {
      return 20_000;
    }

    @Override
    public int queue_max_kb() {
      return 8192;
    }

    @Override
    public String[] destinations() {
      return new String[] {"uplink", "env-city"};
    }

    @Override
    public Class<? extends Annotation> annotationType() {
      return StoreConfig.class;
    }
  }
}
