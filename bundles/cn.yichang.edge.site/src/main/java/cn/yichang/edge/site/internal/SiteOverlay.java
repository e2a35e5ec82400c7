package cn.yichang.edge.site.internal;

import cn.yichang.edge.profile.yaml.Problems;
import cn.yichang.edge.profile.yaml.YamlFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The files of remote changes, under {@code <state dir>/remote/}: {@code site.yaml} (the site file
 * with the changes made from afar, paths made absolute), {@code site.base} (the SHA-256 of the
 * installer's site file it was made from) and {@code snapshots/<id>.yaml}, each a complete site
 * file as it was before a change.
 */
final class SiteOverlay {
  static final int KEEP_SNAPSHOTS = 20;

  private final Path installerFile;
  private final Path dir;

  SiteOverlay(Path installerFile, Path stateDir) {
    this.installerFile = installerFile;
    this.dir = stateDir.resolve("remote");
  }

  Path overlay() {
    return dir.resolve("site.yaml");
  }

  private Path base() {
    return dir.resolve("site.base");
  }

  private Path snapshots() {
    return dir.resolve("snapshots");
  }

  /**
   * The site file to start from: the overlay when there is one made from the installer's file as it
   * is now, else the installer's file.
   */
  Path effective() {
    if (!Files.isRegularFile(overlay())) {
      return installerFile;
    }
    return isFromCurrentInstallerFile() ? overlay() : installerFile;
  }

  /** Whether an overlay exists that the installer's current file does not override. */
  boolean overlaid() {
    return Files.isRegularFile(overlay()) && isFromCurrentInstallerFile();
  }

  boolean stale() {
    return Files.isRegularFile(overlay()) && !isFromCurrentInstallerFile();
  }

  private boolean isFromCurrentInstallerFile() {
    try {
      return Files.readString(base()).trim().equals(sha256(installerFile));
    } catch (IOException e) {
      return false;
    }
  }

  /** The effective site file as a tree, relative paths resolved against its own directory. */
  Map<String, Object> tree() {
    return tree(effective());
  }

  static Map<String, Object> tree(Path file) {
    Problems problems = new Problems();
    // Bounded like every site file read: the overlay is re-read at each remote change.
    String text =
        YamlFiles.text(file, problems)
            .orElseThrow(() -> new IllegalStateException(problems.list().get(0).toString()));
    Object loaded = yaml().load(text);
    @SuppressWarnings("unchecked")
    Map<String, Object> tree =
        loaded instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : null;
    if (tree == null) {
      throw new IllegalStateException(file + " is not a site file (no mapping at its top)");
    }
    absolutize(tree, file.toAbsolutePath().getParent());
    return tree;
  }

  /** Writes a candidate next to the overlay; {@link #install} makes it the overlay. */
  Path writeCandidate(Map<String, Object> tree) throws IOException {
    Files.createDirectories(dir);
    Path candidate = dir.resolve("site.candidate.yaml");
    Files.writeString(candidate, yaml().dump(tree), StandardCharsets.UTF_8);
    return candidate;
  }

  /** Makes {@code candidate} the overlay, atomically, and records which file it was made from. */
  void install(Path candidate) throws IOException {
    Files.writeString(base(), sha256(installerFile) + "\n");
    Files.move(
        candidate, overlay(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Copies the effective site file as a snapshot; ids are epoch milliseconds, as Kura's. */
  long snapshot(long now) throws IOException {
    Files.createDirectories(snapshots());
    long id = now;
    while (Files.exists(snapshotFile(id))) {
      id++;
    }
    Map<String, Object> tree = tree();
    Files.writeString(snapshotFile(id), yaml().dump(tree), StandardCharsets.UTF_8);
    List<Long> all = snapshotIds();
    for (int i = 0; i < all.size() - KEEP_SNAPSHOTS; i++) {
      Files.deleteIfExists(snapshotFile(all.get(i)));
    }
    return id;
  }

  List<Long> snapshotIds() {
    if (!Files.isDirectory(snapshots())) {
      return List.of();
    }
    List<Long> ids = new ArrayList<>();
    try (Stream<Path> files = Files.list(snapshots())) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.matches("[0-9]{1,19}\\.yaml")) {
          ids.add(Long.parseLong(name.substring(0, name.length() - 5)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ids.sort(null);
    return ids;
  }

  Path snapshotFile(long id) {
    return snapshots().resolve(id + ".yaml");
  }

  /** Paths of a site file are relative to it: an overlay elsewhere must hold them absolute. */
  @SuppressWarnings("unchecked")
  private static void absolutize(Map<String, Object> tree, Path base) {
    if (tree.get("profile-dirs") instanceof List<?> dirs) {
      tree.put("profile-dirs", dirs.stream().map(d -> resolve(base, d)).toList());
    }
    if (tree.get("gpio") instanceof Map<?, ?> gpio && gpio.get("script") != null) {
      ((Map<String, Object>) gpio).put("script", resolve(base, gpio.get("script")));
    }
    if (tree.get("store") instanceof Map<?, ?> store && store.get("path") != null) {
      ((Map<String, Object>) store).put("path", resolve(base, store.get("path")));
    }
    if (tree.get("uplink") instanceof Map<?, ?> uplink
        && uplink.get("tls") instanceof Map<?, ?> t) {
      for (String key : List.of("ca", "cert", "key", "p12")) {
        if (t.get(key) != null) {
          ((Map<String, Object>) t).put(key, resolve(base, t.get(key)));
        }
      }
    }
  }

  private static Object resolve(Path base, Object path) {
    return path instanceof String s ? base.resolve(s).normalize().toString() : path;
  }

  private static Yaml yaml() {
    DumperOptions dump = new DumperOptions();
    dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(
        new SafeConstructor(YamlFiles.loaderOptions()),
        new Representer(dump),
        dump,
        YamlFiles.loaderOptions(),
        new PlainScalars());
  }

  static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      return "unreadable";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
