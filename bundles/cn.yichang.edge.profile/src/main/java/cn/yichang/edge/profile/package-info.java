/** Device profiles: the model of a sensor, separate from where it is installed. */
@Version("1.1.0")
@Export
package cn.yichang.edge.profile;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
