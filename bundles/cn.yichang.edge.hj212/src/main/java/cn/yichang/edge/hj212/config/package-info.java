/** The configuration of an HJ 212 destination, for the site provisioning and {@code validate}. */
@Version("1.0.0")
@Export
package cn.yichang.edge.hj212.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
