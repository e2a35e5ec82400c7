/**
 * Modbus RTU: the requests a master sends and the exception a device answers with. The master, the
 * request planner and the device component live in {@code internal}; callers outside this bundle (a
 * {@code scan}/{@code read} console command, remote asset writes) describe what they want with
 * these types, and a tool outside the gateway reads devices with {@link RtuClient}.
 */
@Version("1.1.0")
@Export
package cn.yichang.edge.modbus;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
