/** The configuration of the Kura telemetry stage ({@code cn.yichang.edge.kura.telemetry}). */
@Version("0.1.0")
@Export
package cn.yichang.edge.kura.telemetry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
