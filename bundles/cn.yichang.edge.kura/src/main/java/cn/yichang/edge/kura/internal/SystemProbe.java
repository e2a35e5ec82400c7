package cn.yichang.edge.kura.internal;

import cn.yichang.edge.kura.GatewayDescriptionBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads what a BIRTH message tells about the machine from the places Linux keeps it. Every probe
 * may fail (a container has no device tree, DMI serials are root-only): a failed probe leaves its
 * field {@code null}, which leaves the metric out, rather than failing the connection.
 */
public final class SystemProbe {

  private final Path root;
  private final Function<String, String> properties;

  /**
   * @param root the file system root, {@code /} but for tests
   * @param properties framework or system properties
   */
  public SystemProbe(Path root, Function<String, String> properties) {
    this.root = root;
    this.properties = properties;
  }

  public GatewayDescriptionBuilder fill(GatewayDescriptionBuilder builder) {
    Runtime runtime = Runtime.getRuntime();
    builder
        .displayName(hostname())
        .modelName(
            firstOf(
                file("sys/firmware/devicetree/base/model"),
                cpuinfo("Model"),
                file("sys/devices/virtual/dmi/id/product_name")))
        .modelId(
            firstOf(
                file("sys/firmware/devicetree/base/compatible").map(SystemProbe::firstString),
                file("sys/devices/virtual/dmi/id/board_name")))
        .serialNumber(
            firstOf(
                file("sys/firmware/devicetree/base/serial-number"),
                cpuinfo("Serial"),
                file("sys/devices/virtual/dmi/id/product_serial")))
        .biosVersion(file("sys/devices/virtual/dmi/id/bios_version").orElse(null))
        .cpuVersion(cpuinfo("model name").orElse(null))
        .os(property("os.name"))
        .osVersion(osVersion())
        .osArch(property("os.arch"))
        .jvmName(property("java.vm.name"))
        .jvmVersion(joined(property("java.vm.version"), property("java.vm.info")))
        .jvmProfile(joined(property("java.runtime.name"), property("java.runtime.version")))
        .jvmVendor(property("java.vm.vendor"))
        .jdkVendorVersion(property("jdk.vendor.version"))
        .osgiFramework(property("org.osgi.framework.vendor"))
        .osgiFrameworkVersion(property("org.osgi.framework.version"))
        .availableProcessors(runtime.availableProcessors())
        // Kura reports the JVM's committed heap in KiB as total_memory; so do we.
        .totalMemoryKb(runtime.totalMemory() / 1024)
        .acceptEncoding("gzip")
        .payloadEncoding("KURA_PROTOBUF");
    networkInterfaces()
        .ifPresent(
            interfaces ->
                builder.connectionInterface(interfaces.get(0)).connectionIp(interfaces.get(1)));
    return builder;
  }

  /** Kura's os_version: {@code os.version} and the kernel's build line. */
  private String osVersion() {
    String release = property("os.version");
    return file("proc/sys/kernel/version").map(build -> joined(release, build)).orElse(release);
  }

  private String hostname() {
    // Files first: InetAddress may wait on a DNS lookup.
    return file("proc/sys/kernel/hostname")
        .or(() -> file("etc/hostname"))
        .or(SystemProbe::localHostName)
        .orElse("unknown");
  }

  private static Optional<String> localHostName() {
    try {
      return Optional.of(InetAddress.getLocalHost().getHostName());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Kura's connection_interface ({@code eth0 (B8:27:EB:BC:98:B1),wlan0 (...)}) and connection_ip
   * (one IPv4 address per interface, same order), over the interfaces that are up.
   */
  private static Optional<List<String>> networkInterfaces() {
    List<String> names = new ArrayList<>();
    List<String> addresses = new ArrayList<>();
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        Optional<String> ipv4 =
            ni.inetAddresses()
                .filter(a -> a.getAddress().length == 4)
                .map(InetAddress::getHostAddress)
                .findFirst();
        if (ni.isUp() && ipv4.isPresent()) {
          byte[] mac = ni.getHardwareAddress();
          String shownMac =
              mac == null
                  ? "00:00:00:00:00:00"
                  : HexFormat.ofDelimiter(":").withUpperCase().formatHex(mac);
          names.add(ni.getName() + " (" + shownMac + ")");
          addresses.add(ipv4.get());
        }
      }
    } catch (SocketException | RuntimeException e) {
      return Optional.empty();
    }
    if (names.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(List.of(String.join(",", names), String.join(",", addresses)));
  }

  /** The value of the first {@code key : value} line of /proc/cpuinfo with that key. */
  private Optional<String> cpuinfo(String key) {
    return file("proc/cpuinfo")
        .flatMap(
            text ->
                text.lines()
                    .filter(line -> line.indexOf(':') > 0)
                    .filter(line -> line.substring(0, line.indexOf(':')).trim().equals(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .filter(value -> !value.isEmpty())
                    .findFirst());
  }

  /** A small text file, trimmed of whitespace and of the NULs that end device-tree strings. */
  private Optional<String> file(String relative) {
    try {
      byte[] bytes = Files.readAllBytes(root.resolve(relative));
      String text = new String(bytes, StandardCharsets.UTF_8).replaceAll("\u0000+$", "").trim();
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The first of the NUL-separated strings of a device-tree property. */
  private static String firstString(String strings) {
    int nul = strings.indexOf('\u0000');
    return nul < 0 ? strings : strings.substring(0, nul);
  }

  private String property(String key) {
    return properties.apply(key);
  }

  private static String joined(String first, String second) {
    if (first == null || second == null) {
      return first == null ? second : first;
    }
    return first + " " + second;
  }

  @SafeVarargs
  private static String firstOf(Optional<String>... candidates) {
    return Stream.of(candidates).flatMap(Optional::stream).findFirst().orElse(null);
  }
}
