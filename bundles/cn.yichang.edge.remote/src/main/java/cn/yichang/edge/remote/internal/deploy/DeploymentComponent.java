package cn.yichang.edge.remote.internal.deploy;

import cn.yichang.edge.remote.RemoteApp;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/** Registers DEPLOY-V2 and INVENTORY-V1, which share the record of installed packages. */
@Component(
    immediate = true,
    service = {},
    configurationPolicy = ConfigurationPolicy.IGNORE)
public final class DeploymentComponent {
  private final List<ServiceRegistration<RemoteApp>> registrations;

  @Activate
  public DeploymentComponent(BundleContext context) {
    PackageRegistry packages = List::of;
    registrations =
        List.of(
            context.registerService(RemoteApp.class, new DeployApp(context, packages), null),
            context.registerService(
                RemoteApp.class, new InventoryApp(context, packages, SystemPackages::list), null));
  }

  @Deactivate
  void deactivate() {
    registrations.forEach(ServiceRegistration::unregister);
  }
}
