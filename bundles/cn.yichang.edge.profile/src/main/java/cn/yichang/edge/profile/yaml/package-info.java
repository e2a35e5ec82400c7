/**
 * The YAML form of device profiles, and the line-aware YAML helpers the site file reader shares:
 * every value is read from a snakeyaml {@link org.yaml.snakeyaml.nodes.Node}, so every problem
 * carries the line it was found on.
 */
@Version("1.0.0")
@Export
package cn.yichang.edge.profile.yaml;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
