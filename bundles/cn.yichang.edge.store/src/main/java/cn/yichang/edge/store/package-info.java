/**
 * The store-and-forward buffer: every outbound message is made durable before it is sent, and
 * removed only when the broker has acknowledged it.
 */
@Version("1.2.0")
@Export
package cn.yichang.edge.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
