package cn.yichang.edge.kura;

import java.util.List;

/**
 * Builds a {@link GatewayDescription}: many optional strings, so named setters rather than a
 * 28-argument constructor.
 */
public final class GatewayDescriptionBuilder {
  private String displayName;
  private String modelName;
  private String modelId;
  private String partNumber;
  private String serialNumber;
  private String firmwareVersion;
  private String biosVersion;
  private String cpuVersion;
  private String os;
  private String osVersion;
  private String osArch;
  private String jvmName;
  private String jvmVersion;
  private String jvmProfile;
  private String jvmVendor;
  private String jdkVendorVersion;
  private String applicationFrameworkVersion;
  private String osgiFramework;
  private String osgiFrameworkVersion;
  private List<String> applicationIds = List.of();
  private Integer availableProcessors;
  private Long totalMemoryKb;
  private String connectionInterface;
  private String connectionIp;
  private String acceptEncoding;
  private String payloadEncoding;
  private String extendedProperties;
  private KuraPosition position;

  GatewayDescriptionBuilder() {}

  public GatewayDescriptionBuilder displayName(String displayName) {
    this.displayName = displayName;
    return this;
  }

  public GatewayDescriptionBuilder modelName(String modelName) {
    this.modelName = modelName;
    return this;
  }

  public GatewayDescriptionBuilder modelId(String modelId) {
    this.modelId = modelId;
    return this;
  }

  public GatewayDescriptionBuilder partNumber(String partNumber) {
    this.partNumber = partNumber;
    return this;
  }

  public GatewayDescriptionBuilder serialNumber(String serialNumber) {
    this.serialNumber = serialNumber;
    return this;
  }

  public GatewayDescriptionBuilder firmwareVersion(String firmwareVersion) {
    this.firmwareVersion = firmwareVersion;
    return this;
  }

  public GatewayDescriptionBuilder biosVersion(String biosVersion) {
    this.biosVersion = biosVersion;
    return this;
  }

  public GatewayDescriptionBuilder cpuVersion(String cpuVersion) {
    this.cpuVersion = cpuVersion;
    return this;
  }

  public GatewayDescriptionBuilder os(String os) {
    this.os = os;
    return this;
  }

  public GatewayDescriptionBuilder osVersion(String osVersion) {
    this.osVersion = osVersion;
    return this;
  }

  public GatewayDescriptionBuilder osArch(String osArch) {
    this.osArch = osArch;
    return this;
  }

  public GatewayDescriptionBuilder jvmName(String jvmName) {
    this.jvmName = jvmName;
    return this;
  }

  public GatewayDescriptionBuilder jvmVersion(String jvmVersion) {
    this.jvmVersion = jvmVersion;
    return this;
  }

  public GatewayDescriptionBuilder jvmProfile(String jvmProfile) {
    this.jvmProfile = jvmProfile;
    return this;
  }

  public GatewayDescriptionBuilder jvmVendor(String jvmVendor) {
    this.jvmVendor = jvmVendor;
    return this;
  }

  public GatewayDescriptionBuilder jdkVendorVersion(String jdkVendorVersion) {
    this.jdkVendorVersion = jdkVendorVersion;
    return this;
  }

  public GatewayDescriptionBuilder applicationFrameworkVersion(String applicationFrameworkVersion) {
    this.applicationFrameworkVersion = applicationFrameworkVersion;
    return this;
  }

  public GatewayDescriptionBuilder osgiFramework(String osgiFramework) {
    this.osgiFramework = osgiFramework;
    return this;
  }

  public GatewayDescriptionBuilder osgiFrameworkVersion(String osgiFrameworkVersion) {
    this.osgiFrameworkVersion = osgiFrameworkVersion;
    return this;
  }

  public GatewayDescriptionBuilder applicationIds(List<String> applicationIds) {
    this.applicationIds = applicationIds;
    return this;
  }

  public GatewayDescriptionBuilder availableProcessors(Integer availableProcessors) {
    this.availableProcessors = availableProcessors;
    return this;
  }

  public GatewayDescriptionBuilder totalMemoryKb(Long totalMemoryKb) {
    this.totalMemoryKb = totalMemoryKb;
    return this;
  }

  public GatewayDescriptionBuilder connectionInterface(String connectionInterface) {
    this.connectionInterface = connectionInterface;
    return this;
  }

  public GatewayDescriptionBuilder connectionIp(String connectionIp) {
    this.connectionIp = connectionIp;
    return this;
  }

  public GatewayDescriptionBuilder acceptEncoding(String acceptEncoding) {
    this.acceptEncoding = acceptEncoding;
    return this;
  }

  public GatewayDescriptionBuilder payloadEncoding(String payloadEncoding) {
    this.payloadEncoding = payloadEncoding;
    return this;
  }

  public GatewayDescriptionBuilder extendedProperties(String extendedProperties) {
    this.extendedProperties = extendedProperties;
    return this;
  }

  public GatewayDescriptionBuilder position(KuraPosition position) {
    this.position = position;
    return this;
  }

  public GatewayDescription build() {
    return new GatewayDescription(
        displayName,
        modelName,
        modelId,
        partNumber,
        serialNumber,
        firmwareVersion,
        biosVersion,
        cpuVersion,
        os,
        osVersion,
        osArch,
        jvmName,
        jvmVersion,
        jvmProfile,
        jvmVendor,
        jdkVendorVersion,
        applicationFrameworkVersion,
        osgiFramework,
        osgiFrameworkVersion,
        applicationIds,
        availableProcessors,
        totalMemoryKb,
        connectionInterface,
        connectionIp,
        acceptEncoding,
        payloadEncoding,
        extendedProperties,
        position);
  }
}
