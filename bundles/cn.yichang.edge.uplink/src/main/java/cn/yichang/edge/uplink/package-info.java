/** The MQTT uplink to the platform: its status, for consoles and health checks. */
@Version("1.0.0")
@Export
package cn.yichang.edge.uplink;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
