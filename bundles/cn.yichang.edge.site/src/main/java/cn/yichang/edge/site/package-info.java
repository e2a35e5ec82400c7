/**
 * The site file as a whole the platform may change: {@link cn.yichang.edge.site.RemoteSite} applies
 * changed configurations validated exactly as the site file is, keeps them across restarts and
 * snapshots every state before a change.
 */
@Version("1.2.0")
@Export
package cn.yichang.edge.site;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
