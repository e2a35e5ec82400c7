package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway finds its buffer file corrupt (garbage where the database was): the file is moved
 * aside with a clear log line, a new buffer is started, and readings flow to the platform.
 */
class CorruptBufferIT {

  @TempDir Path dir;

  @Test
  void aCorruptBufferIsMovedAsideAndTheGatewayKeepsRunning() throws Exception {
    try (PlatformRig rig = new PlatformRig(dir)) {
      Path buffer = Files.createDirectories(dir.resolve("state")).resolve("buffer.db");
      Files.writeString(buffer, "SQLite format 3\u0000 but not really: a truncated, garbled file");
      try (GatewayProcess gateway =
          GatewayProcess.start("run", "--config", rig.siteFile("500ms", "").toString())) {

        rig.data.awaitCount(3, Duration.ofSeconds(60));

        assertThat(gateway.lines())
            .anyMatch(l -> l.contains("ERROR") && l.contains(buffer.toString()));
        try (Stream<Path> files = Files.list(buffer.getParent())) {
          assertThat(files.map(p -> p.getFileName().toString()))
              .anyMatch(n -> n.startsWith("buffer.db.corrupt-"));
        }
        assertThat(gateway.terminate()).isZero();
      }
    }
  }
}
