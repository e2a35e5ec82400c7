/** Report by exception: which readings are worth sending to a destination. */
@Version("0.2.0")
@Export
package cn.yichang.edge.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
