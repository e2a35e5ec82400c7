package cn.yichang.edge.profile.internal;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.ProfileRepository;
import cn.yichang.edge.profile.yaml.ProfileDirectories;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@link ProfileRepository} service over the configured directories. A changed list is applied
 * in place, so the components using the service are not restarted.
 */
@Component(configurationPid = ProfileRepositoryComponent.PID, service = ProfileRepository.class)
@Designate(ocd = ProfileRepositoryConfig.class)
public final class ProfileRepositoryComponent implements ProfileRepository {

  public static final String PID = "cn.yichang.edge.profile";

  /** The framework property naming the distribution's profile directory, used when unconfigured. */
  public static final String DISTRIBUTION_DIR_PROPERTY = "sanxia.profiles";

  private final String distributionDir;
  private volatile ProfileDirectories directories;

  @Activate
  public ProfileRepositoryComponent(BundleContext context, ProfileRepositoryConfig config) {
    this.distributionDir = context.getProperty(DISTRIBUTION_DIR_PROPERTY);
    modified(config);
  }

  @Modified
  void modified(ProfileRepositoryConfig config) {
    directories = new ProfileDirectories(dirs(config.dirs(), distributionDir));
  }

  static List<Path> dirs(String[] configured, String distributionDir) {
    List<Path> dirs =
        Arrays.stream(configured)
            .filter(d -> !d.isBlank())
            .map(String::trim)
            .map(Path::of)
            .toList();
    if (!dirs.isEmpty()) {
      return dirs;
    }
    return distributionDir == null ? List.of() : List.of(Path.of(distributionDir));
  }

  /** The directories searched, in order. */
  public List<Path> dirs() {
    return directories.dirs();
  }

  @Override
  public Optional<DeviceProfile> find(String id) throws ProfileException {
    return directories.find(id);
  }
}
