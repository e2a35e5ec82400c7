/**
 * CMD-V1's configuration ({@code cn.yichang.edge.remote.command}) and the check its activation
 * makes of it, for tools that check a site file off OSGi ({@code bin/sanxia-edge validate}) with
 * the very code {@code run} will use.
 */
@Version("1.0.0")
@Export
package cn.yichang.edge.remote.command;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
