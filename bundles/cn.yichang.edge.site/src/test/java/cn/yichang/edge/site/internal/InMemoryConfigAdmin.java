package cn.yichang.edge.site.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A ConfigurationAdmin that keeps configurations in a map, as Felix's does, and counts writes and
 * deletions. Its configurations are Mockito mocks backed by the map.
 */
final class InMemoryConfigAdmin implements ConfigurationAdmin {

  private static final Pattern PID_FILTER = Pattern.compile("\\(service\\.pid=([^)]+)\\)");
  private static final Pattern FACTORY_FILTER =
      Pattern.compile("\\(service\\.factoryPid=([^)]+)\\)");

  /** PID → stored properties (with service.pid and service.factoryPid), null until updated. */
  final Map<String, Hashtable<String, Object>> store = new TreeMap<>();

  final Map<String, String> factoryOf = new TreeMap<>();
  final List<String> updates = new ArrayList<>();
  final List<String> deletions = new ArrayList<>();

  /** The stored properties without those ConfigAdmin adds. */
  Map<String, Object> properties(String pid) {
    Map<String, Object> p = new TreeMap<>(store.get(pid));
    p.remove(Constants.SERVICE_PID);
    p.remove(SERVICE_FACTORYPID);
    return p;
  }

  void clearCounts() {
    updates.clear();
    deletions.clear();
  }

  @Override
  public Configuration getConfiguration(String pid, String location) {
    return configuration(pid, null);
  }

  @Override
  public Configuration getConfiguration(String pid) {
    return configuration(pid, null);
  }

  @Override
  public Configuration getFactoryConfiguration(String factoryPid, String name, String location) {
    return configuration(factoryPid + "~" + name, factoryPid);
  }

  @Override
  public Configuration getFactoryConfiguration(String factoryPid, String name) {
    return getFactoryConfiguration(factoryPid, name, null);
  }

  @Override
  public Configuration createFactoryConfiguration(String factoryPid) {
    throw new UnsupportedOperationException("the provisioner names its configurations");
  }

  @Override
  public Configuration createFactoryConfiguration(String factoryPid, String location) {
    throw new UnsupportedOperationException("the provisioner names its configurations");
  }

  @Override
  public Configuration[] listConfigurations(String filter) {
    Matcher pid = PID_FILTER.matcher(filter);
    if (pid.matches()) {
      return store.get(pid.group(1)) == null
          ? null
          : new Configuration[] {configuration(pid.group(1), null)};
    }
    Matcher m = FACTORY_FILTER.matcher(filter);
    if (!m.matches()) {
      throw new UnsupportedOperationException(filter);
    }
    Configuration[] found =
        store.entrySet().stream()
            .filter(e -> e.getValue() != null && m.group(1).equals(factoryOf.get(e.getKey())))
            .map(e -> configuration(e.getKey(), factoryOf.get(e.getKey())))
            .toArray(Configuration[]::new);
    return found.length == 0 ? null : found; // as the specification says
  }

  /** Creates a stored configuration as if written earlier (by a previous site file, say). */
  void put(String pid, String factoryPid, Map<String, Object> properties) {
    Hashtable<String, Object> p = new Hashtable<>(properties);
    p.put(Constants.SERVICE_PID, pid);
    if (factoryPid != null) {
      p.put(SERVICE_FACTORYPID, factoryPid);
      factoryOf.put(pid, factoryPid);
    }
    store.put(pid, p);
  }

  private Configuration configuration(String pid, String factoryPid) {
    if (factoryPid != null) {
      factoryOf.put(pid, factoryPid);
    }
    Configuration c = mock(Configuration.class);
    when(c.getPid()).thenReturn(pid);
    when(c.getFactoryPid()).thenReturn(factoryPid);
    when(c.getProperties())
        .thenAnswer(i -> store.get(pid) == null ? null : new Hashtable<>(store.get(pid)));
    try {
      doAnswer(
              i -> {
                Dictionary<String, Object> d = i.getArgument(0);
                Hashtable<String, Object> p = new Hashtable<>();
                for (var keys = d.keys(); keys.hasMoreElements(); ) {
                  String k = keys.nextElement();
                  p.put(k, d.get(k));
                }
                put(pid, factoryPid, p);
                updates.add(pid);
                return null;
              })
          .when(c)
          .update(any());
      doAnswer(
              i -> {
                store.remove(pid);
                deletions.add(pid);
                return null;
              })
          .when(c)
          .delete();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return c;
  }
}
