package cn.yichang.edge.uplink;

import org.osgi.annotation.versioning.ProviderType;

/** The running uplink, registered while its configuration is valid. */
@ProviderType
public interface Uplink {

  UplinkStatus status();
}
