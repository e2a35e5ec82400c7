/**
 * The MQTT uplink to the platform: its status, for consoles and health checks, and its control
 * channel (requests from the platform, direct replies, BIRTH/APPS announcements).
 */
@Version("1.2.0")
@Export
package cn.yichang.edge.uplink;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
