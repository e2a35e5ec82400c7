package cn.yichang.edge.remote.internal;

import cn.yichang.edge.kura.KuraMetric;
import cn.yichang.edge.kura.KuraPayload;
import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.kura.KuraTopics;
import cn.yichang.edge.remote.Notifier;
import cn.yichang.edge.remote.RemoteApp;
import cn.yichang.edge.remote.Request;
import cn.yichang.edge.uplink.ControlChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the platform's requests while the uplink runs: receives the control subscription's
 * messages, dispatches them to the {@link RemoteApp} services by app id, keeps BIRTH's {@code
 * application_ids} equal to the registered apps, and asks for a new BIRTH after a configuration
 * change or a bundle being installed, updated or uninstalled, as Kura does.
 */
@Component(
    configurationPid = RemoteConfig.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    service = {ConfigurationListener.class, Notifier.class},
    immediate = true)
@Designate(ocd = RemoteConfig.class)
public final class RemoteComponent implements ConfigurationListener, Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteComponent.class);

  private final ControlChannel channel;
  private final Map<String, RemoteApp> apps = new ConcurrentHashMap<>();
  private final Workers workers;
  private final AutoCloseable receiving;
  private final BundleContext context;
  private final BundleListener deployments = this::bundleChanged;

  @Activate
  public RemoteComponent(
      @Reference(name = "control") ControlChannel channel,
      RemoteConfig config,
      BundleContext context) {
    this.channel = channel;
    this.context = context;
    this.workers = new Workers(config.workers(), Math.max(1, config.queue()));
    RequestDispatcher dispatcher =
        new RequestDispatcher(
            channel.account(),
            channel.clientId(),
            id -> Optional.ofNullable(apps.get(id)),
            new RequestDispatcher.Replies() {
              @Override
              public boolean publish(String topic, byte[] payload, int qos) {
                return channel.publishNow(topic, payload, qos);
              }

              @Override
              public int maxPayload(String topic) {
                return channel.maxPayload(topic);
              }
            },
            workers,
            config.max_request_bytes(),
            Duration.ofSeconds(config.request_timeout_s()));
    this.receiving = channel.receive(dispatcher);
    if (context != null) {
      context.addBundleListener(deployments);
    }
    LOG.info(
        "Remote management on $EDC/{}/{}/#: requests up to {} bytes, {} s to answer",
        channel.account(),
        channel.clientId(),
        config.max_request_bytes(),
        config.request_timeout_s());
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addApp(RemoteApp app) {
    RemoteApp previous = apps.putIfAbsent(app.appId(), app);
    if (previous != null && previous != app) {
      LOG.warn("Two apps with the id {}: {} kept, {} ignored", app.appId(), previous, app);
    }
    channel.applicationIds(apps.keySet());
  }

  void removeApp(RemoteApp app) {
    if (apps.remove(app.appId(), app)) {
      channel.applicationIds(apps.keySet());
    }
  }

  @Deactivate
  void deactivate() throws Exception {
    if (context != null) {
      context.removeBundleListener(deployments);
    }
    receiving.close();
    workers.close();
  }

  @Override
  public boolean notify(Request origin, String type, List<KuraMetric> metrics) {
    String topic =
        KuraTopics.control(
            channel.account(),
            origin.requesterClientId(),
            origin.appId(),
            "NOTIFY",
            channel.clientId(),
            type);
    return channel.publishNow(
        topic, KuraPayloadCodec.encodeForWire(KuraPayload.of(Instant.now(), metrics)), 1);
  }

  @Override
  public void configurationEvent(ConfigurationEvent event) {
    if (event.getType() == ConfigurationEvent.CM_UPDATED
        || event.getType() == ConfigurationEvent.CM_DELETED) {
      channel.announce();
    }
  }

  private void bundleChanged(BundleEvent event) {
    switch (event.getType()) {
      case BundleEvent.INSTALLED, BundleEvent.UPDATED, BundleEvent.UNINSTALLED ->
          channel.announce();
      default -> {
        // starting and stopping change nothing a BIRTH tells
      }
    }
  }
}
