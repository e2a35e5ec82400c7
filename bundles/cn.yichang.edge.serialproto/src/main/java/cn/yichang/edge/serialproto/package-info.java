/**
 * Line and framed serial devices as tools outside the gateway read them: {@link SerialDeviceCheck}
 * runs the gateway's own parsers and poll on a line of one's own.
 */
@Version("1.0.0")
@Export
package cn.yichang.edge.serialproto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
