package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.profile.AsciiLineSpec;
import cn.yichang.edge.profile.FramedSpec;
import cn.yichang.edge.profile.ProfileException;
import cn.yichang.edge.profile.yaml.ProfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Profiles for the tests: the shipped ones, read by the real reader. */
final class Specs {
  static final Path SHIPPED = Path.of("../../device-profiles");

  private Specs() {}

  static AsciiLineSpec gnss() {
    return shipped("elderly-care/gnss-nmea").spec(AsciiLineSpec.class);
  }

  static AsciiLineSpec weather() {
    return shipped("agriculture/weather-ascii").spec(AsciiLineSpec.class);
  }

  static FramedSpec radar() {
    return shipped("elderly-care/mmwave-fall-radar").spec(FramedSpec.class);
  }

  static cn.yichang.edge.profile.DeviceProfile shipped(String id) {
    try {
      return ProfileReader.read(SHIPPED.resolve(id + ".yaml"), id);
    } catch (ProfileException e) {
      throw new AssertionError(e.problems().toString(), e);
    }
  }

  static cn.yichang.edge.profile.DeviceProfile inline(Path dir, String yaml) {
    try {
      Path file = dir.resolve("p.yaml");
      Files.writeString(file, "id: t/p\nmanufacturer: M\nmodel: X\n" + yaml);
      return ProfileReader.read(file, "t/p");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ProfileException e) {
      throw new AssertionError(e.problems().toString(), e);
    }
  }
}
