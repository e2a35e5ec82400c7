/**
 * GPIO acquisition: the alarms of GPIO devices, for local reset and remote acknowledgement; the
 * pull and meaning of an input as a profile gives them, and a check of pins outside the gateway.
 */
@Version("1.1.0")
@Export
package cn.yichang.edge.gpio;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
