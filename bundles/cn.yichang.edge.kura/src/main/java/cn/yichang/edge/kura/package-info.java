/** Eclipse Kura's wire format: KuraPayload (protobuf, gzip when shorter) and its topics. */
@Version("1.2.0")
@Export
package cn.yichang.edge.kura;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
