package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.config.StoreConfig;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The buffer, configured by {@code cn.yichang.edge.store}: a {@link MessageStore} service per
 * destination (service property {@value MessageStore#DESTINATION_PROPERTY}), registered by hand
 * since one component gives several; itself the Gogo command {@code edge:store}. A configuration
 * change restarts it (deactivate flushes and closes the file). A configuration it cannot use fails
 * activation with a {@link ConfigurationException} naming the key (the runtime logs it as one
 * line).
 */
@Component(
    configurationPid = StoreConfig.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    service = MessageStoreComponent.class,
    immediate = true, // it registers the queues: nothing would ever ask for it otherwise
    property = {"osgi.command.scope=edge", "osgi.command.function=store"})
@Designate(ocd = StoreConfig.class)
public final class MessageStoreComponent {

  private final SqliteMessageStore store;
  private final List<ServiceRegistration<MessageStore>> registrations = new ArrayList<>();

  @Activate
  public MessageStoreComponent(StoreConfig config, BundleContext context)
      throws ConfigurationException {
    this(config);
    for (String destination : store.destinations()) {
      registrations.add(
          context.registerService(
              MessageStore.class,
              store.queue(destination),
              new Hashtable<>(Map.of(MessageStore.DESTINATION_PROPERTY, destination))));
    }
  }

  MessageStoreComponent(StoreConfig config) throws ConfigurationException {
    store = SqliteMessageStore.open(StoreSettings.of(config));
  }

  /** The destination's queue (for tests, which build the component with {@code new}). */
  MessageStore queue(String destination) {
    return store.queue(destination);
  }

  @Deactivate
  void deactivate() {
    for (ServiceRegistration<MessageStore> r : registrations) {
      try {
        r.unregister();
      } catch (IllegalStateException alreadyGone) {
        // the framework is stopping
      }
    }
    store.close();
  }

  @Descriptor("show each destination's counters and the oldest and newest message of each priority")
  public String store() {
    return StoreReport.format(store.settings().path().toString(), store.queues());
  }
}
