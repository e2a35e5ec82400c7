package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.kura.KuraTelemetry;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.reading.ReadingSink;
import cn.yichang.edge.report.Report;
import cn.yichang.edge.store.MessageStore;

/**
 * The gateway's telemetry stage with every reading sent (every-poll): reading sets as Kura data in
 * the store, for the tests of the transport in front of a real broker.
 */
final class TestTelemetry implements ReadingSink {
  private final MessageStore store;
  private final KuraTelemetry telemetry;

  TestTelemetry(MessageStore store, TestConfig config) {
    this.store = store;
    this.telemetry = new KuraTelemetry(config.account, config.clientId, config.appId);
  }

  @Override
  public void accept(ReadingSet readings) {
    store.enqueue(telemetry.message(Report.of(readings)));
  }
}
