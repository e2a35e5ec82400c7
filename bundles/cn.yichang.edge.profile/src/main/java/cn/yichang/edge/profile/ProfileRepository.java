package cn.yichang.edge.profile;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Finds device profiles by id in the configured profile directories, first match wins. */
@ProviderType
public interface ProfileRepository {

  /**
   * @throws ProfileException when the profile exists but is invalid
   */
  Optional<DeviceProfile> find(String id) throws ProfileException;
}
