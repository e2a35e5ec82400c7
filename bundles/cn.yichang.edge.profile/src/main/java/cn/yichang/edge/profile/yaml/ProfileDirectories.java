package cn.yichang.edge.profile.yaml;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.ProfileRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Profiles as files {@code <dir>/<id>.yaml} in an ordered list of directories; the first directory
 * that holds the file wins, so a site's own profiles shadow the distribution's.
 */
public final class ProfileDirectories implements ProfileRepository {

  /** Path segments of letters, digits, '.', '_' and '-', not starting with '.'. */
  private static final Pattern ID =
      Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*");

  private final List<Path> dirs;

  public ProfileDirectories(List<Path> dirs) {
    this.dirs = List.copyOf(dirs);
  }

  /** Whether {@code id} can name a profile file (and cannot climb out of its directory). */
  public static boolean isValidId(String id) {
    return ID.matcher(id).matches();
  }

  public List<Path> dirs() {
    return dirs;
  }

  /** The files {@link #find} tries, in order. */
  public List<Path> candidates(String id) {
    checkId(id);
    return dirs.stream().map(d -> d.resolve(id + ".yaml")).toList();
  }

  /** The file the profile would be read from. */
  public Optional<Path> locate(String id) {
    return candidates(id).stream().filter(Files::isRegularFile).findFirst();
  }

  /**
   * @throws IllegalArgumentException when {@code id} is not a valid profile id
   */
  @Override
  public Optional<DeviceProfile> find(String id) throws ProfileException {
    Optional<Path> file = locate(id);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ProfileReader.read(file.get(), id));
  }

  @Override
  public String toString() {
    return "ProfileDirectories" + dirs;
  }

  private static void checkId(String id) {
    if (!isValidId(id)) {
      throw new IllegalArgumentException("not a profile id: \"" + id + "\"");
    }
  }
}
