package cn.yichang.edge.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Moves a damaged database aside, with the files SQLite keeps beside it. */
final class CorruptFiles {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final List<String> COMPANIONS = List.of("-wal", "-shm", "-journal");

  private CorruptFiles() {}

  /**
   * Renames {@code db} to {@code <name>.corrupt-<UTC time>} and its {@code -wal}, {@code -shm} and
   * {@code -journal} files to the same name with their suffix, so that SQLite still opens the moved
   * copy with its log.
   *
   * @return the new name of the database file
   */
  static Path moveAside(Path db, Instant now) throws IOException {
    String base = db.getFileName() + ".corrupt-" + STAMP.format(now);
    Path aside = db.resolveSibling(base);
    for (int n = 1; exists(aside); n++) {
      aside = db.resolveSibling(base + "-" + n);
    }
    for (String suffix : COMPANIONS) {
      Path companion = db.resolveSibling(db.getFileName() + suffix);
      if (Files.exists(companion)) {
        Files.move(companion, aside.resolveSibling(aside.getFileName() + suffix));
      }
    }
    Files.move(db, aside);
    return aside;
  }

  private static boolean exists(Path aside) {
    if (Files.exists(aside)) {
      return true;
    }
    for (String suffix : COMPANIONS) {
      if (Files.exists(aside.resolveSibling(aside.getFileName() + suffix))) {
        return true;
      }
    }
    return false;
  }
}
