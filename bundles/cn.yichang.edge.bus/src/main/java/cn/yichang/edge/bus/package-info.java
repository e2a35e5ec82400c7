/**
 * Field buses: one scheduler per serial line polls its devices one transaction at a time, keeps the
 * line's timing, backs off from silent devices and counts what happens.
 */
@Version("1.3.0")
@Export
package cn.yichang.edge.bus;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
