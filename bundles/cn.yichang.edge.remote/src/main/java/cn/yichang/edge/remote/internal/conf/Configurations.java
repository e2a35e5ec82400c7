package cn.yichang.edge.remote.internal.conf;

import java.util.List;
import java.util.Set;

/** The gateway's configurations as CONF-V1 shows them. */
interface Configurations {

  /** Every configuration, by PID, or only {@code pid} (empty if it does not exist). */
  List<EsfXml.Configuration> list(String pid);

  /** {@code pid/key} of every property that is a password, of the configurations given. */
  Set<String> passwords(List<EsfXml.Configuration> configurations);
}
