package cn.yichang.edge.profile.internal.cli;

import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Problem;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.yaml.ProfileDirectories;
import cn.yichang.edge.profile.yaml.ProfileReader;
import cn.yichang.edge.profile.yaml.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every profile file under a profile directory, read (or with its problems). */
final class ProfileLibrary {

  /** One {@code <id>.yaml}: the profile, or the problems that keep it from being one. */
  record Entry(String id, Path file, DeviceProfile profile, List<Problem> problems) {
    boolean valid() {
      return profile != null;
    }

    /** The values one reading set carries: register points, or a protocol's own. */
    int pointCount() {
      return profile.spec() != null ? profile.spec().pointNames().size() : profile.points().size();
    }
  }

  private ProfileLibrary() {}

  /**
   * The {@code .yaml} files under {@code dir} (hidden files and directories skipped), by id.
   *
   * @throws IOException when the directory cannot be walked
   */
  static List<Entry> scan(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(f -> f.getFileName().toString().endsWith(".yaml"))
              .filter(Files::isRegularFile)
              .filter(f -> !hidden(dir.relativize(f)))
              .sorted()
              .toList();
    }
    List<Entry> entries = new ArrayList<>();
    for (Path file : files) {
      entries.add(read(dir, file));
    }
    return entries;
  }

  private static Entry read(Path dir, Path file) {
    String name = dir.relativize(file).toString().replace('\\', '/');
    String id = name.substring(0, name.length() - ".yaml".length());
    if (!ProfileDirectories.isValidId(id)) {
      return new Entry(
          id,
          file,
          null,
          List.of(
              new Problem(
                  file,
                  1,
                  YamlFiles.FILE_FIELD,
                  "\""
                      + name
                      + "\" cannot name a profile: use letters, digits, '.', '_' and '-' in the"
                      + " path")));
    }
    try {
      return new Entry(id, file, ProfileReader.read(file, id), List.of());
    } catch (ProfileException e) {
      return new Entry(id, file, null, e.problems());
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
