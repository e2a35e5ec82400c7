package cn.yichang.edge.remote.internal.deploy;

import cn.yichang.edge.remote.Notifier;
import cn.yichang.edge.remote.RemoteApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the recorded deployment packages again at start, and registers DEPLOY-V2 and
 * INVENTORY-V1, which share them. Packages live under {@code <sanxia.state>/remote/}: {@code
 * packages/} (installed), {@code downloads/}.
 */
@Component(
    immediate = true,
    service = {},
    configurationPolicy = ConfigurationPolicy.IGNORE)
public final class DeploymentComponent {
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentComponent.class);
  static final String STATE_PROPERTY = "sanxia.state";

  private final List<ServiceRegistration<RemoteApp>> registrations;
  private final PackageJobs jobs;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile Notifier notifier;

  @Activate
  public DeploymentComponent(BundleContext context, @Reference ConfigurationAdmin admin) {
    String state = context.getProperty(STATE_PROPERTY);
    Path base =
        (state == null || state.isBlank()
                ? Path.of(System.getProperty("user.home"), ".sanxia-edge")
                : Path.of(state))
            .resolve("remote");
    DeploymentPackages packages = new DeploymentPackages(context, base.resolve("packages"));
    packages.restore();
    jobs =
        new PackageJobs(
            packages,
            () -> new Downloader(tls(admin), Duration.ofMinutes(5)),
            base.resolve("downloads"),
            () -> notifier);
    registrations =
        List.of(
            context.registerService(RemoteApp.class, new DeployApp(context, packages, jobs), null),
            context.registerService(
                RemoteApp.class, new InventoryApp(context, packages, SystemPackages::list), null));
  }

  @Deactivate
  void deactivate() {
    registrations.forEach(ServiceRegistration::unregister);
    jobs.close();
  }

  /** The JVM's CAs and the one the uplink trusts (the site file's {@code uplink.tls.ca}). */
  private static javax.net.ssl.SSLContext tls(ConfigurationAdmin admin) {
    Path ca = null;
    try {
      Configuration[] uplink = admin.listConfigurations("(service.pid=cn.yichang.edge.uplink)");
      Dictionary<String, Object> p = uplink == null ? null : uplink[0].getProperties();
      Object file = p == null ? null : p.get("tls.ca");
      ca = file == null || file.toString().isBlank() ? null : Path.of(file.toString());
      return Downloader.trusting(ca);
    } catch (Exception e) {
      LOG.warn("DEPLOY-V2: the uplink's CA {} is not trusted for downloads: {}", ca, e.toString());
      try {
        return javax.net.ssl.SSLContext.getDefault();
      } catch (java.security.NoSuchAlgorithmException ex) {
        throw new IllegalStateException(ex);
      }
    }
  }
}
