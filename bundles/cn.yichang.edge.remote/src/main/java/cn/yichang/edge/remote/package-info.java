/**
 * Remote management over Kura's request/response protocol: the apps (CONF-V1, CMD-V1, ...) that
 * answer requests from the platform register a {@link cn.yichang.edge.remote.RemoteApp} service.
 */
@Version("1.0.0")
@Export
package cn.yichang.edge.remote;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
