package cn.yichang.edge.site.internal;

import cn.yichang.edge.profile.Problem;
import cn.yichang.edge.site.RemoteSite;
import cn.yichang.edge.site.SiteChangeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote changes as edits of the site file (see {@link RemoteSite}): edit a copy, validate it with
 * the site reader, snapshot the current state, install the copy as the overlay and provision it
 * with the same writer as at start, which updates only the configurations that differ.
 */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE)
public final class RemoteSiteComponent implements RemoteSite {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteSiteComponent.class);

  private final Path installerFile;
  private final Path distributionProfiles;
  private final Path stateDir;
  private final SiteOverlay overlay;
  private final ConfigurationAdmin admin;
  private final Clock clock;

  @Activate
  public RemoteSiteComponent(BundleContext context, @Reference ConfigurationAdmin admin) {
    this(
        siteFile(context.getProperty(SiteProvisioner.SITE_PROPERTY)),
        profiles(context.getProperty(SiteProvisioner.PROFILES_PROPERTY)),
        SiteProvisioner.stateDir(context.getProperty(SiteProvisioner.STATE_PROPERTY)),
        admin,
        Clock.systemUTC());
  }

  RemoteSiteComponent(
      Path installerFile,
      Path distributionProfiles,
      Path stateDir,
      ConfigurationAdmin admin,
      Clock clock) {
    this.installerFile = installerFile;
    this.distributionProfiles = distributionProfiles;
    this.stateDir = stateDir;
    this.overlay = new SiteOverlay(installerFile, stateDir);
    this.admin = admin;
    this.clock = clock;
  }

  private static Path siteFile(String property) {
    if (property == null || property.isBlank()) {
      throw new IllegalStateException(
          "no site file (" + SiteProvisioner.SITE_PROPERTY + "): nothing to change remotely");
    }
    return Path.of(property);
  }

  private static Path profiles(String property) {
    return property == null || property.isBlank() ? null : Path.of(property);
  }

  @Override
  public synchronized Map<String, Map<String, Object>> configurations() {
    return configurationsOf(overlay.effective());
  }

  @Override
  public synchronized long change(Map<String, Map<String, Object>> propertiesByPid)
      throws SiteChangeException {
    Map<String, Object> tree = overlay.tree();
    List<String> problems = new ArrayList<>();
    SiteEdits edits = new SiteEdits(tree, problems);
    Map<String, Map<String, Object>> current = configurations();
    propertiesByPid.forEach(
        (pid, properties) -> {
          Map<String, Object> changed = changedOnly(current.get(pid), properties);
          if (!changed.isEmpty()) {
            edits.apply(pid, changed);
          }
        });
    if (!problems.isEmpty()) {
      throw new SiteChangeException(problems, false);
    }
    String what = "change of " + String.join(", ", propertiesByPid.keySet());
    Path candidate = validated(tree, what);
    long snapshot = snapshotNow();
    install(candidate, what);
    return snapshot;
  }

  @Override
  public synchronized List<Long> snapshots() {
    return overlay.snapshotIds();
  }

  @Override
  public synchronized Map<String, Map<String, Object>> snapshot(long id)
      throws SiteChangeException {
    Path file = overlay.snapshotFile(id);
    if (!Files.isRegularFile(file)) {
      throw SiteChangeException.notFound("no snapshot " + id);
    }
    return configurationsOf(file);
  }

  @Override
  public synchronized long takeSnapshot() throws SiteChangeException {
    return snapshotNow();
  }

  @Override
  public synchronized void rollback(Long id) throws SiteChangeException {
    List<Long> ids = overlay.snapshotIds();
    if (ids.isEmpty()) {
      throw SiteChangeException.notFound("no snapshot to roll back to");
    }
    long target = id == null ? ids.get(ids.size() - 1) : id;
    if (!ids.contains(target)) {
      throw SiteChangeException.notFound("no snapshot " + target);
    }
    String what = "rollback to snapshot " + target;
    Map<String, Object> tree = SiteOverlay.tree(overlay.snapshotFile(target));
    // what only the installer sets is never taken from a snapshot: an older file may have allowed
    // more commands than the current one
    Map<String, Object> current = overlay.tree();
    for (String installerOnly : List.of("remote", "gateway")) {
      if (current.containsKey(installerOnly)) {
        tree.put(installerOnly, current.get(installerOnly));
      } else {
        tree.remove(installerOnly);
      }
    }
    Path candidate = validated(tree, what);
    snapshotNow();
    install(candidate, what);
  }

  private long snapshotNow() throws SiteChangeException {
    try {
      return overlay.snapshot(clock.millis());
    } catch (IOException e) {
      throw SiteChangeException.invalid("cannot write a snapshot: " + e);
    }
  }

  /** Writes the tree as a candidate site file and validates it; refuses it with every problem. */
  private Path validated(Map<String, Object> tree, String what) throws SiteChangeException {
    Path candidate;
    try {
      candidate = overlay.writeCandidate(tree);
    } catch (IOException e) {
      throw SiteChangeException.invalid("cannot write " + overlay.overlay() + ": " + e);
    }
    SiteReport report = SiteReader.read(candidate, distributionProfiles);
    if (!report.valid()) {
      try {
        Files.deleteIfExists(candidate);
      } catch (IOException e) {
        // replaced by the next candidate
      }
      List<String> problems = report.errors().stream().map(Problem::toString).toList();
      LOG.warn("Remote {} refused: {}", what, String.join("; ", problems));
      throw new SiteChangeException(problems, false);
    }
    return candidate;
  }

  /** Makes a validated candidate the overlay and provisions it. */
  private void install(Path candidate, String what) throws SiteChangeException {
    try {
      overlay.install(candidate);
    } catch (IOException e) {
      throw SiteChangeException.invalid("cannot write " + overlay.overlay() + ": " + e);
    }
    LOG.info("Remote {}: site overlay {} written", what, overlay.overlay());
    if (!SiteProvisioner.provision(
        overlay.overlay().toString(),
        distributionProfiles == null ? null : distributionProfiles.toString(),
        stateDir,
        admin)) {
      throw SiteChangeException.invalid("the configurations could not be written (see the log)");
    }
  }

  /**
   * The properties whose value differs from the configuration's now: a configuration sent back as
   * GET gave it is no change, whatever its properties are (derived ones included), and a value the
   * platform's JSON turned from 30000 into "30000" is the same value.
   */
  static Map<String, Object> changedOnly(Map<String, Object> now, Map<String, Object> sent) {
    if (now == null) {
      return sent; // no such configuration: the edit says so
    }
    Map<String, Object> changed = new LinkedHashMap<>();
    sent.forEach(
        (key, value) -> {
          Object was = now.get(key);
          boolean same =
              Objects.equals(was, value)
                  || was != null
                      && value != null
                      && SiteEdits.texts(was).equals(SiteEdits.texts(value));
          if (!same) {
            changed.put(key, value);
          }
        });
    return changed;
  }

  private Map<String, Map<String, Object>> configurationsOf(Path file) {
    SiteReport report = SiteReader.read(file, distributionProfiles);
    if (!report.valid()) {
      throw new IllegalStateException(file + " is not valid: " + report.errors());
    }
    Map<String, Map<String, Object>> result = new LinkedHashMap<>();
    for (SiteConfigurations.Desired d :
        SiteConfigurations.of(report.site(), distributionProfiles, stateDir)) {
      if (d.name().equals(SiteConfigurations.READING_PID)
          || d.name().equals(SiteConfigurations.PROFILE_PID)
          || d.name().equals(SiteConfigurations.COMMAND_PID)) {
        continue; // derived, or set only by the installer
      }
      result.put(d.toString(), new LinkedHashMap<>(d.properties()));
    }
    return result;
  }
}
