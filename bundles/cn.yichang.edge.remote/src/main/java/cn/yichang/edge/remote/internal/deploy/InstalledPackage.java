package cn.yichang.edge.remote.internal.deploy;

import java.util.List;

/**
 * A deployment package installed from afar, with the bundles it brought.
 *
 * @param bundles symbolic name, version and bundle id of each
 */
record InstalledPackage(String name, String version, List<PackageBundle> bundles) {

  InstalledPackage {
    bundles = List.copyOf(bundles);
  }

  record PackageBundle(String name, String version, long id) {}
}
