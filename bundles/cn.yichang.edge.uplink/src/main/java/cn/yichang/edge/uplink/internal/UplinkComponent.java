package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.kura.GatewayDescription;
import cn.yichang.edge.kura.KuraTopics;
import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.uplink.ControlChannel;
import cn.yichang.edge.uplink.ControlReceiver;
import cn.yichang.edge.uplink.Uplink;
import cn.yichang.edge.uplink.UplinkStatus;
import cn.yichang.edge.uplink.config.UplinkConfig;
import cn.yichang.edge.uplink.session.ConnectExplanation;
import cn.yichang.edge.uplink.session.PahoSessionFactory;
import cn.yichang.edge.uplink.session.SessionOptions;
import cn.yichang.edge.uplink.tls.CertificateExpiry;
import cn.yichang.edge.uplink.tls.TlsFiles;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLSocketFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uplink, from its configuration {@code cn.yichang.edge.uplink} (the site file's {@code
 * uplink:}). A bad configuration or unusable TLS files fail activation with a {@link
 * ConfigurationException} naming the key and saying what to fix (the runtime logs it as one line);
 * a changed configuration deactivates and activates it again, which sends DC and starts a new
 * session.
 */
@Component(
    configurationPid = UplinkConfig.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    service = {}, // registered by hand: DS would copy the configuration, tls.password too
    immediate = true) // it runs the connection: it must not wait for someone to ask for it
@Designate(ocd = UplinkConfig.class)
public final class UplinkComponent implements Uplink, ControlChannel {
  private static final Logger LOG = LoggerFactory.getLogger(UplinkComponent.class);

  private final UplinkEngine engine;
  private final ControlLink control;
  private final String account;
  private final String clientId;
  private final ScheduledExecutorService expiryCheck;
  private final AtomicReference<List<String>> applicationIds = new AtomicReference<>(List.of());
  private ServiceRegistration<?> registration;

  @Activate
  public UplinkComponent(
      @Reference(target = MessageStore.UPLINK_TARGET) MessageStore store,
      UplinkConfig config,
      BundleContext context)
      throws ConfigurationException {
    this(store, config, context::getProperty, context.getBundle().getVersion().toString());
    Hashtable<String, Object> properties = new Hashtable<>();
    properties.put("uplink.url", config.url());
    properties.put("uplink.protocol", config.protocol());
    registration =
        context.registerService(
            new String[] {Uplink.class.getName(), ControlChannel.class.getName()},
            this,
            properties);
  }

  /**
   * @param frameworkProperties what the BIRTH's description reads (OSGi framework, JVM)
   * @param version our version, sent as firmware and application framework version
   */
  UplinkComponent(
      MessageStore store,
      UplinkConfig config,
      Function<String, String> frameworkProperties,
      String version)
      throws ConfigurationException {
    UplinkStart start = UplinkStart.of(config, Clock.systemUTC());
    UplinkSettings settings = start.settings();
    TlsFiles tls = start.tls();
    SSLSocketFactory sockets = start.sockets();
    CertificateExpiry expiry = start.expiry();
    account = settings.account();
    clientId = KuraTopics.sanitizeClientId(settings.clientId());
    Lifecycle lifecycle =
        new KuraLifecycle(
            settings.account(),
            clientId,
            () -> describe(frameworkProperties, version, applicationIds.get(), expiry),
            () -> Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()),
            store,
            Clock.systemUTC());
    SessionOptions options =
        new SessionOptions(
            settings.url(),
            clientId,
            sockets,
            settings.keepAlive(),
            settings.connectTimeout(),
            settings.inFlight(),
            null);
    control = new ControlLink(lifecycle, Duration.ofMillis(ANNOUNCE_DELAY_MS));
    PahoSessionFactory sessions = new PahoSessionFactory(settings.protocol());
    engine =
        new UplinkEngine(
            sessions,
            options,
            settings.maxMessage(),
            sessions::protocolInUse,
            store,
            new KuraWireFormat(),
            lifecycle,
            new ReconnectPolicy(
                settings.reconnectMin(), settings.reconnectMax(), RandomGenerator.getDefault()),
            new UplinkCounters(Clock.systemUTC()),
            e -> ConnectExplanation.of(sessions.protocolAttempted(), options, tls, sockets, e),
            control,
            KuraTopics.controlSubscription(settings.account(), clientId));
    engine.start();
    LOG.info(
        "Uplink to {} ({}) as {}/{}, {} in flight",
        settings.url(),
        settings.protocolName(),
        settings.account(),
        clientId,
        settings.inFlight());
    expiryCheck = expiry == null ? null : dailyExpiryCheck(expiry);
  }

  /** Logs the expiry warning now and daily while it applies, on one small daemon thread. */
  private static ScheduledExecutorService dailyExpiryCheck(CertificateExpiry expiry) {
    expiry.warning().ifPresent(LOG::warn);
    ScheduledExecutorService daily =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "uplink certificate expiry");
              t.setDaemon(true);
              return t;
            });
    daily.scheduleAtFixedRate(() -> expiry.warning().ifPresent(LOG::warn), 1, 1, TimeUnit.DAYS);
    return daily;
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    if (registration != null) {
      registration.unregister();
    }
    engine.stop();
    if (expiryCheck != null) {
      expiryCheck.shutdownNow();
    }
  }

  @Override
  public UplinkStatus status() {
    return engine.status();
  }

  @Override
  public String account() {
    return account;
  }

  @Override
  public String clientId() {
    return clientId;
  }

  @Override
  public AutoCloseable receive(ControlReceiver receiver) {
    return control.receive(receiver);
  }

  @Override
  public boolean publishNow(String topic, byte[] payload, int qos) {
    return control.publishNow(topic, payload, qos);
  }

  @Override
  public int maxPayload(String topic) {
    return control.maxPayload(topic);
  }

  @Override
  public void applicationIds(Collection<String> ids) {
    List<String> sorted = ids.stream().sorted().distinct().toList();
    if (!applicationIds.getAndSet(sorted).equals(sorted)) {
      control.announce(false);
    }
  }

  @Override
  public void announce() {
    control.announce(true);
  }

  private static GatewayDescription describe(
      Function<String, String> frameworkProperties,
      String version,
      List<String> appIds,
      CertificateExpiry expiry) {
    return GatewayDescription.fromRunningSystem(frameworkProperties)
        .extendedProperties(expiry == null ? null : expiry.extendedProperties())
        .firmwareVersion(version)
        .applicationFrameworkVersion(version)
        .applicationIds(appIds)
        .build();
  }
}
