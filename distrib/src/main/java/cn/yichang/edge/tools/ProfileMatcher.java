package cn.yichang.edge.tools;

import cn.yichang.edge.bus.Transactor;
import cn.yichang.edge.modbus.RtuClient;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.yaml.ProfileDirectories;
import cn.yichang.edge.reading.PointReading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which profiles a responding unit could be: each Modbus RTU profile is polled once, exactly as the
 * gateway would poll it, and counts as plausible when every point was read and every value lies
 * within its profile's min/max. Profiles whose points carry more ranges are stronger evidence and
 * come first.
 */
final class ProfileMatcher {

  /** One profile polled against the unit. */
  record Match(String profileId, int points, int read, int checked, int outOfRange) {
    boolean plausible() {
      return read == points && outOfRange == 0 && checked > 0;
    }

    String summary() {
      if (read < points) {
        return (points - read) + " of " + points + " points unreadable";
      }
      return checked - outOfRange + " of " + checked + " ranged points in range";
    }
  }

  private final List<DeviceProfile> profiles;

  ProfileMatcher(List<DeviceProfile> profiles) {
    this.profiles = profiles;
  }

  /** The valid Modbus RTU profiles under {@code dir}; unreadable ones are skipped. */
  static List<DeviceProfile> load(Path dir) throws IOException {
    List<String> ids;
    try (Stream<Path> walk = Files.walk(dir)) {
      ids =
          walk.filter(f -> f.getFileName().toString().endsWith(".yaml"))
              .filter(Files::isRegularFile)
              .map(f -> dir.relativize(f).toString().replace('\\', '/'))
              .map(name -> name.substring(0, name.length() - ".yaml".length()))
              .filter(ProfileDirectories::isValidId)
              .sorted()
              .toList();
    }
    ProfileDirectories repository = new ProfileDirectories(List.of(dir));
    List<DeviceProfile> out = new ArrayList<>();
    for (String id : ids) {
      try {
        repository
            .find(id)
            .filter(p -> RtuClient.PROTOCOL.equals(p.protocol()))
            .filter(p -> !p.points().isEmpty())
            .ifPresent(out::add);
      } catch (ProfileException e) {
        // `profiles validate` reports it; a scan only suggests profiles that can be used
      }
    }
    return out;
  }

  /** Every profile polled once; the plausible ones first, best first. */
  List<Match> matches(Transactor transactor, int unit) throws InterruptedException {
    List<Match> out = new ArrayList<>();
    for (DeviceProfile profile : profiles) {
      out.add(poll(transactor, unit, profile));
    }
    out.sort(
        Comparator.comparing(Match::plausible)
            .thenComparingInt(Match::checked)
            .reversed()
            .thenComparing(Match::profileId));
    return out;
  }

  private static Match poll(Transactor transactor, int unit, DeviceProfile profile)
      throws InterruptedException {
    int read = 0;
    int checked = 0;
    int outOfRange = 0;
    List<PointReading> readings = new RtuClient(transactor).poll("scan", profile, unit).points();
    for (int i = 0; i < readings.size(); i++) {
      PointReading r = readings.get(i);
      Point p = profile.points().get(i);
      if (r.ok()) {
        read++;
        if (p.min() != null || p.max() != null) {
          checked++;
          outOfRange += r.outOfRange() ? 1 : 0;
        }
      }
    }
    return new Match(profile.id(), readings.size(), read, checked, outOfRange);
  }
}
