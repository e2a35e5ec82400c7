package cn.yichang.edge.distrib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes site files for the tests. */
final class SiteFiles {
  private SiteFiles() {}

  static Path write(Path dir, String yaml) throws IOException {
    Path site = dir.resolve("site.yaml");
    Files.writeString(site, yaml);
    return site;
  }
}
