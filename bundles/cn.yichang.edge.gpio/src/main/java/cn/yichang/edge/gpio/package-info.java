/** GPIO acquisition: the alarms of GPIO devices, for local reset and remote acknowledgement. */
@Version("1.0.0")
@Export
package cn.yichang.edge.gpio;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
