package cn.yichang.edge.kura;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real Kura payloads of /work/shared/interop/kura-captures, read in place. */
final class KuraCaptures {

  private KuraCaptures() {}

  /** The folder, set by the module's surefire configuration or found relative to the module. */
  static Path folder() {
    String configured = System.getProperty("kura.captures");
    Path folder =
        Path.of(configured != null ? configured : "../../../shared/interop/kura-captures")
            .toAbsolutePath()
            .normalize();
    assumeTrue(
        Files.isDirectory(folder),
        "Kura captures not found at "
            + folder
            + ": the shared interop folder is absent, capture tests skipped");
    return folder;
  }

  /** Every {@code .mqtt} file of the folder, by name. */
  static List<Path> mqttFiles() {
    try (Stream<Path> files = Files.list(folder())) {
      return files.filter(f -> f.getFileName().toString().endsWith(".mqtt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] read(String fileName) {
    try {
      return Files.readAllBytes(folder().resolve(fileName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
