package cn.yichang.edge.kura;

import cn.yichang.edge.kura.internal.SystemProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a gateway tells the cloud about itself in its BIRTH message: one component per metric of
 * Kura's BIRTH (see {@link LifecyclePayloads#birth}). Every component but the display name and the
 * application ids may be {@code null}, and is then left out of the message, as Kura does.
 *
 * @param displayName the gateway's name as the cloud shows it (Kura: the hostname)
 * @param firmwareVersion the gateway firmware's version (Kura: {@code kura.firmware.version})
 * @param applicationFrameworkVersion our version, sent with application_framework "Sanxia Edge"
 * @param osgiFramework the framework's vendor ({@code org.osgi.framework.vendor}), as Kura
 * @param osgiFrameworkVersion the OSGi specification version ({@code org.osgi.framework.version})
 * @param totalMemoryKb the JVM's committed heap in KiB ({@code Runtime.totalMemory() / 1024}),
 *     which is what Kura reports as total_memory, not the machine's RAM
 * @param acceptEncoding {@code gzip} when we compress messages that get shorter
 * @param payloadEncoding {@code KURA_PROTOBUF}, Kura's name of this wire format
 * @param extendedProperties a JSON object (Kura's extended_properties), or {@code null}
 * @param position where the gateway is, sent as the BIRTH's position, or {@code null}
 */
public record GatewayDescription(
    String displayName,
    String modelName,
    String modelId,
    String partNumber,
    String serialNumber,
    String firmwareVersion,
    String biosVersion,
    String cpuVersion,
    String os,
    String osVersion,
    String osArch,
    String jvmName,
    String jvmVersion,
    String jvmProfile,
    String jvmVendor,
    String jdkVendorVersion,
    String applicationFrameworkVersion,
    String osgiFramework,
    String osgiFrameworkVersion,
    List<String> applicationIds,
    Integer availableProcessors,
    Long totalMemoryKb,
    String connectionInterface,
    String connectionIp,
    String acceptEncoding,
    String payloadEncoding,
    String extendedProperties,
    KuraPosition position) {

  public GatewayDescription {
    Objects.requireNonNull(displayName, "displayName");
    applicationIds = List.copyOf(applicationIds);
  }

  public static GatewayDescriptionBuilder builder() {
    return new GatewayDescriptionBuilder();
  }

  /**
   * A builder filled with what the running JVM and Linux tell: hostname, board model and serial
   * (device tree, {@code /proc/cpuinfo}, DMI), kernel, JVM, processors, memory, network interfaces.
   * The caller adds the firmware version and application ids.
   *
   * @param frameworkProperties looks up framework properties, e.g. {@code
   *     bundleContext::getProperty} (which falls back to system properties)
   */
  public static GatewayDescriptionBuilder fromRunningSystem(
      Function<String, String> frameworkProperties) {
    return new SystemProbe(Path.of("/"), frameworkProperties).fill(builder());
  }

  /** {@link #fromRunningSystem(Function)} with the system properties only. */
  public static GatewayDescriptionBuilder fromRunningSystem() {
    return fromRunningSystem(System::getProperty);
  }
}
