/** Reading sets: what one poll of one device yielded, and where they go. */
@Version("1.3.0")
@Export
package cn.yichang.edge.reading;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
