package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.OutboundMessage;
import cn.yichang.edge.store.StoreCounters;
import cn.yichang.edge.store.StoreHistory;
import cn.yichang.edge.store.StoredMessage;
import cn.yichang.edge.store.config.StoreConfig;
import java.time.Duration;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The buffer as a service, configured by {@code cn.yichang.edge.store}; also the Gogo command
 * {@code edge:store}. A configuration change restarts it (deactivate flushes and closes the file).
 * A configuration it cannot use fails activation with a {@link ConfigurationException} naming the
 * key (the runtime logs it as one line).
 */
@Component(
    configurationPid = StoreConfig.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    service = MessageStore.class,
    property = {"osgi.command.scope=edge", "osgi.command.function=store"})
@Designate(ocd = StoreConfig.class)
public final class MessageStoreComponent implements MessageStore {

  private final SqliteMessageStore store;

  @Activate
  public MessageStoreComponent(StoreConfig config) throws ConfigurationException {
    store = SqliteMessageStore.open(StoreSettings.of(config));
  }

  @Deactivate
  void deactivate() {
    store.close();
  }

  @Override
  public void enqueue(OutboundMessage message) {
    store.enqueue(message);
  }

  @Override
  public List<StoredMessage> take(int max, Duration wait) throws InterruptedException {
    return store.take(max, wait);
  }

  @Override
  public void acknowledge(long id) {
    store.acknowledge(id);
  }

  @Override
  public void split(long id, byte[] first, List<OutboundMessage> rest) {
    store.split(id, first, rest);
  }

  @Override
  public void setAside(long id, String reason) {
    store.setAside(id, reason);
  }

  @Override
  public void rewind() {
    store.rewind();
  }

  @Override
  public StoreCounters counters() {
    return store.counters();
  }

  @Override
  public StoreHistory history() {
    return store.history();
  }

  @Descriptor("show the buffer's counters and the oldest and newest message of each priority")
  public String store() {
    return StoreReport.format(
        store.settings().path().toString(), counters(), history(), store.spans());
  }
}
