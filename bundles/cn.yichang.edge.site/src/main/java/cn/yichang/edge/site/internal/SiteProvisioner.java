package cn.yichang.edge.site.internal;

import cn.yichang.edge.profile.Problem;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the site file named by the framework property {@value #SITE_PROPERTY} into ConfigAdmin
 * configurations at start. An invalid file provisions nothing: every problem is logged.
 */
@Component(
    immediate = true,
    service = {},
    configurationPolicy = ConfigurationPolicy.IGNORE)
public final class SiteProvisioner {

  static final String SITE_PROPERTY = "sanxia.site";
  static final String PROFILES_PROPERTY = "sanxia.profiles";
  static final String STATE_PROPERTY = "sanxia.state";

  private static final Logger LOG = LoggerFactory.getLogger(SiteProvisioner.class);

  private final boolean provisioned;

  @Activate
  public SiteProvisioner(
      BundleContext context, @Reference(name = "configurationAdmin") ConfigurationAdmin admin) {
    this.provisioned =
        provision(
            effective(
                context.getProperty(SITE_PROPERTY), stateDir(context.getProperty(STATE_PROPERTY))),
            context.getProperty(PROFILES_PROPERTY),
            stateDir(context.getProperty(STATE_PROPERTY)),
            admin);
  }

  /** Whether the site file was valid and written to ConfigAdmin. */
  boolean provisioned() {
    return provisioned;
  }

  /**
   * The site file to provision: the overlay of remote changes (see {@link RemoteSiteComponent})
   * when it was made from the installer's file as it is now; the installer's file otherwise.
   */
  static String effective(String siteFile, Path stateDir) {
    if (siteFile == null || siteFile.isBlank()) {
      return siteFile;
    }
    SiteOverlay overlay = new SiteOverlay(Path.of(siteFile), stateDir);
    if (overlay.stale()) {
      LOG.warn(
          "Site file {} changed since the remote changes in {} were made: those are not applied",
          siteFile,
          overlay.overlay());
    } else if (overlay.overlaid()) {
      LOG.info("Site file {} with the remote changes in {}", siteFile, overlay.overlay());
      return overlay.overlay().toString();
    }
    return siteFile;
  }

  /** Without a state directory from the launcher, the buffer goes next to the user's home. */
  static Path stateDir(String property) {
    return property == null || property.isBlank()
        ? Path.of(System.getProperty("user.home"), ".sanxia-edge")
        : Path.of(property);
  }

  static boolean provision(
      String siteFile, String profilesDir, Path stateDir, ConfigurationAdmin admin) {
    if (siteFile == null || siteFile.isBlank()) {
      LOG.warn(
          "No site file: the framework property {} is not set; nothing provisioned", SITE_PROPERTY);
      return false;
    }
    Path distribution = profilesDir == null || profilesDir.isBlank() ? null : Path.of(profilesDir);
    SiteReport report = SiteReader.read(Path.of(siteFile), distribution);
    for (Problem w : report.warnings()) {
      LOG.warn("{}", w);
    }
    if (!report.valid()) {
      for (Problem e : report.errors()) {
        LOG.error("{}", e);
      }
      LOG.error(
          "Site file {} is invalid ({} problems); nothing provisioned",
          siteFile,
          report.errors().size());
      return false;
    }
    Site site = report.site();
    try {
      ConfigWriter.Changes changes =
          new ConfigWriter(admin)
              .apply(
                  SiteConfigurations.of(site, distribution, stateDir),
                  SiteConfigurations.OWNED_FACTORY_PIDS,
                  SiteConfigurations.OWNED_SINGLETON_PIDS);
      LOG.info(
          "Site {} ({} buses, {} devices): written {}, unchanged {}, deleted {}",
          siteFile,
          site.buses().size(),
          site.devices().size(),
          changes.written(),
          changes.unchanged().size(),
          changes.deleted());
      return true;
    } catch (Exception e) {
      LOG.error("Cannot write the configurations of site file {}", siteFile, e);
      return false;
    }
  }
}
