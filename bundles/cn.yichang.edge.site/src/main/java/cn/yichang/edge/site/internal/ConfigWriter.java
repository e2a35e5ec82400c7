package cn.yichang.edge.site.internal;

import cn.yichang.edge.site.internal.SiteConfigurations.Desired;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Brings ConfigAdmin in line with the desired configurations: creates what is missing, updates only
 * what differs (so unchanged components are not restarted), deletes configurations of owned
 * factories whose names are gone.
 */
final class ConfigWriter {

  /** Location "?": any bundle may bind the configuration. */
  static final String ANY_LOCATION = "?";

  /** What an apply changed, by configuration ({@code pid} or {@code factoryPid~name}). */
  record Changes(List<String> written, List<String> unchanged, List<String> deleted) {}

  private final ConfigurationAdmin admin;

  ConfigWriter(ConfigurationAdmin admin) {
    this.admin = admin;
  }

  Changes apply(
      List<Desired> desired,
      Collection<String> ownedFactoryPids,
      Collection<String> ownedSingletonPids)
      throws IOException, InvalidSyntaxException {
    List<String> written = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    Set<String> wantedPids = new HashSet<>();
    for (Desired d : desired) {
      Configuration config =
          d.factoryPid() == null
              ? admin.getConfiguration(d.name(), ANY_LOCATION)
              : admin.getFactoryConfiguration(d.factoryPid(), d.name(), ANY_LOCATION);
      wantedPids.add(d.toString());
      if (same(config.getProperties(), d.properties())) {
        unchanged.add(d.toString());
      } else {
        config.update(new Hashtable<>(d.properties()));
        written.add(d.toString());
      }
    }
    for (String factoryPid : ownedFactoryPids) {
      Configuration[] existing =
          admin.listConfigurations(
              "(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + factoryPid + ")");
      for (Configuration c : existing == null ? new Configuration[0] : existing) {
        if (!wantedPids.contains(c.getPid())) {
          c.delete();
          deleted.add(c.getPid());
        }
      }
    }
    for (String pid : ownedSingletonPids) {
      Configuration[] existing =
          admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
      if (existing != null && !wantedPids.contains(pid)) {
        for (Configuration c : existing) {
          c.delete();
          deleted.add(pid);
        }
      }
    }
    return new Changes(written, unchanged, deleted);
  }

  /** Whether the stored properties, apart from those ConfigAdmin adds, equal the desired ones. */
  static boolean same(Dictionary<String, Object> stored, Map<String, Object> desired) {
    if (stored == null) {
      return false;
    }
    int count = 0;
    for (Enumeration<String> keys = stored.keys(); keys.hasMoreElements(); ) {
      String key = keys.nextElement();
      if (isAdded(key)) {
        continue;
      }
      count++;
      if (!Objects.deepEquals(stored.get(key), desired.get(key))) {
        return false;
      }
    }
    return count == desired.size();
  }

  private static boolean isAdded(String key) {
    return key.equals(Constants.SERVICE_PID)
        || key.equals(ConfigurationAdmin.SERVICE_FACTORYPID)
        || key.equals(ConfigurationAdmin.SERVICE_BUNDLELOCATION);
  }
}
