/** Serial lines behind a small interface, so that buses run on real UARTs, ptys or simulators. */
@Version("1.1.0")
@Export
package cn.yichang.edge.serial;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
