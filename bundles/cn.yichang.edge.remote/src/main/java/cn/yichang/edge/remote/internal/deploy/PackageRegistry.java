package cn.yichang.edge.remote.internal.deploy;

import java.util.List;

/** The deployment packages installed from afar. */
interface PackageRegistry {

  List<InstalledPackage> installed();
}
