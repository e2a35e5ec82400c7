package cn.yichang.edge.remote.internal.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The operating system's packages, from {@code dpkg-query} (Debian, Raspberry Pi OS). */
final class SystemPackages {

  record SystemPackage(String name, String version, String type) {}

  private SystemPackages() {}

  /** Empty where there is no dpkg, or it does not answer within 10 s. */
  static List<SystemPackage> list() {
    try {
      Process p =
          new ProcessBuilder("dpkg-query", "-W", "-f=${Package}\\t${Version}\\n")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readNBytes(4 * 1024 * 1024);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return List.of();
      }
      List<SystemPackage> list = new ArrayList<>();
      for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          list.add(new SystemPackage(line.substring(0, tab), line.substring(tab + 1), "DEB"));
        }
      }
      return list;
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }
}
