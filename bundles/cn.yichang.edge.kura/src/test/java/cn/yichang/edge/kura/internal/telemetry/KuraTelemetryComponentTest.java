package cn.yichang.edge.kura.internal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.kura.telemetry.KuraTelemetryConfig;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.store.StoredMessage;
import cn.yichang.edge.store.internal.SqliteMessageStore;
import cn.yichang.edge.store.internal.StoreSettings;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.ConfigurationException;

class KuraTelemetryComponentTest {
  private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

  @TempDir Path state;
  private SqliteMessageStore store;
  private long expected;

  @BeforeEach
  void openTheStore() {
    store =
        SqliteMessageStore.open(
            new StoreSettings(
                state.resolve("buffer.db"), 64L << 20, Duration.ofMillis(20), 500, 1000, 1 << 20));
  }

  @AfterEach
  void closeTheStore() {
    store.close();
  }

  @Test
  void onChangeQueuesOnlyWhatMovedBeyondItsDeadbandWithItsAcquisitionTime() throws Exception {
    KuraTelemetryComponent c =
        new KuraTelemetryComponent(store, config("on-change", 900, "soil-01/moisture=2%"));
    double[] moisture = {30.0, 30.2, 30.4, 30.7, 30.9, 31.4};
    for (int i = 0; i < moisture.length; i++) {
      c.accept(soil(T0.plusSeconds(10L * i), moisture[i]));
    }
    c.deactivate();
    expected = 3;
    List<StoredMessage> queued = queued();
    assertThat(queued)
        .extracting(StoredMessage::created)
        .containsExactly(T0, T0.plusSeconds(30), T0.plusSeconds(50));
    KuraPayload third = KuraPayloadCodec.decode(queued.get(2).payload());
    assertThat(third.metric("moisture")).contains(31.4);
    assertThat(third.metric("temperature")).isEmpty();
  }

  @Test
  void everyPollIsTodaysBehaviour() throws Exception {
    KuraTelemetryComponent c = new KuraTelemetryComponent(store, config("every-poll", 0));
    c.accept(soil(T0, 30.0));
    c.accept(soil(T0.plusSeconds(10), 30.0));
    expected = 2;
    assertThat(queued()).hasSize(2);
  }

  @Test
  void theReportingStateOutlivesADeactivationSoARestartResendsNothingUnchanged() throws Exception {
    KuraTelemetryComponent first = new KuraTelemetryComponent(store, config("on-change", 900));
    first.accept(soil(T0, 30.0));
    first.deactivate();
    assertThat(state.resolve("report-uplink.state")).exists();

    KuraTelemetryComponent second = new KuraTelemetryComponent(store, config("on-change", 900));
    second.accept(soil(T0.plusSeconds(10), 30.0));
    second.accept(soil(T0.plusSeconds(20), 30.5));
    second.deactivate();
    expected = 2;
    assertThat(queued()).extracting(StoredMessage::created).containsExactly(T0, T0.plusSeconds(20));
  }

  @Test
  void aConfigurationItCannotUseNamesTheProperty() {
    assertThatThrownBy(() -> new KuraTelemetryComponent(store, config("sometimes", 0)))
        .isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((ConfigurationException) e).getProperty())
        .isEqualTo("report.mode");
    assertThatThrownBy(() -> new KuraTelemetryComponent(store, config("on-change", 0, "soil-01")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("expected DEVICE/POINT=BAND");
    assertThatThrownBy(
            () -> new KuraTelemetryComponent(store, config("on-change", 0, "soil-01/ph=-1")))
        .isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((ConfigurationException) e).getProperty())
        .isEqualTo("report.deadband");
  }

  @Test
  void aReadingSetThatCannotBeEncodedIsLoggedNotThrownIntoAcquisition() throws Exception {
    KuraTelemetryComponent c = new KuraTelemetryComponent(store, config("every-poll", 0));
    c.accept(new ReadingSet("", T0, List.of()));
    c.accept(soil(T0, 30.0));
    expected = 1;
    assertThat(queued()).extracting(StoredMessage::created).containsExactly(T0);
  }

  private static ReadingSet soil(Instant at, double moisture) {
    return new ReadingSet(
        "soil-01",
        at,
        List.of(
            PointReading.of("moisture", moisture, "%", false),
            PointReading.of("temperature", 18.5, "Cel", false)));
  }

  private KuraTelemetryConfig config(String mode, long heartbeatS, String... deadbands) {
    String dir = state.toString();
    return new KuraTelemetryConfig() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return KuraTelemetryConfig.class;
      }

      @Override
      public String account() {
        return "yichang";
      }

      @Override
      public String client_id() {
        return "gw-0001";
      }

      @Override
      public String app_id() {
        return "sensors";
      }

      @Override
      public String report_mode() {
        return mode;
      }

      @Override
      public long report_heartbeat_s() {
        return heartbeatS;
      }

      @Override
      public String[] report_deadband() {
        return deadbands;
      }

      @Override
      public String state_dir() {
        return dir;
      }
    };
  }

  /** What the real store queued for the platform, in sending order. */
  private List<StoredMessage> queued() throws InterruptedException {
    await().atMost(Duration.ofSeconds(20)).until(() -> store.counters().accepted() >= expected);
    return store.take(1000, Duration.ZERO);
  }
}
