package cn.yichang.edge.site.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of one site section ({@code store:}, a {@code buses:} entry, ...) and the properties of
 * its configuration that no key of its own gives (derived ones, such as a device's {@code
 * bus.target}), with the rule a CONF-V1 edit of each must keep. {@link #edit} writes a
 * configuration's properties back into the section by these descriptions alone.
 */
final class SectionKeys {

  /** Whether an edited value of a derived property is what the site file gives it anyway. */
  interface Follows {
    boolean holds(Map<String, Object> tree, Map<String, Object> section, Object value);
  }

  private record Derived(String property, String rule, Follows follows) {}

  private final String name;
  private final List<SiteKey<?>> keys;
  private final Map<String, SectionKeys> nested = new LinkedHashMap<>();
  private final Map<String, Derived> derived = new LinkedHashMap<>();

  SectionKeys(String name, SiteKey<?>... keys) {
    this.name = name;
    this.keys = List.of(keys);
  }

  /** A mapping within the section ({@code uplink.tls}), described by {@code keys}. */
  SectionKeys nest(SectionKeys keys) {
    nested.put(keys.name, keys);
    return this;
  }

  /**
   * A property the configuration has that follows from elsewhere; an edit that changes it is
   * refused with {@code rule} unless it is what the rest of the edit gives it.
   */
  SectionKeys derived(String property, String rule, Follows follows) {
    derived.put(property, new Derived(property, rule, follows));
    return this;
  }

  /** A property no edit changes. */
  SectionKeys fixed(String property, String rule) {
    return derived(property, rule, (tree, section, value) -> false);
  }

  String name() {
    return name;
  }

  List<SiteKey<?>> keys() {
    return keys;
  }

  /** Every property this section's configuration gets from keys, its nested mappings' included. */
  List<String> properties() {
    List<String> all = new ArrayList<>();
    keys.stream().map(SiteKey::property).filter(p -> p != null).forEach(all::add);
    nested.values().forEach(n -> all.addAll(n.properties()));
    all.addAll(derived.keySet());
    return all;
  }

  /**
   * Writes changed properties of the section's configuration into {@code section} (a mapping of the
   * site file's tree), each problem prefixed with {@code pid}.
   */
  void edit(
      String pid,
      Map<String, Object> tree,
      Map<String, Object> section,
      Map<String, Object> properties,
      List<String> problems) {
    Map<String, Object> followers = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : properties.entrySet()) {
      String property = e.getKey();
      if (derived.containsKey(property)) {
        followers.put(property, e.getValue());
        continue;
      }
      Optional<Located> located = locate(property, section);
      if (located.isEmpty()) {
        problems.add(pid + ": " + property + ": unknown property");
        continue;
      }
      if (e.getValue() == null) {
        problems.add(pid + ": " + property + ": has no value");
        continue;
      }
      try {
        located.get().write(e.getValue());
      } catch (IllegalArgumentException refused) {
        problems.add(pid + ": " + property + ": " + refused.getMessage());
      }
    }
    // after the keys: bus.target follows the bus the same edit may set
    followers.forEach(
        (property, value) -> {
          Derived d = derived.get(property);
          if (!d.follows().holds(tree, section, value)) {
            problems.add(pid + ": " + property + ": " + d.rule());
          }
        });
  }

  private record Located(SiteKey<?> key, Map<String, Object> mapping) {
    void write(Object propertyValue) {
      Object site = key.toSite(propertyValue);
      if (site == SiteKey.ABSENT) {
        mapping.remove(key.key());
      } else if (site != SiteKey.UNCHANGED) {
        mapping.put(key.key(), site);
      }
    }
  }

  private Optional<Located> locate(String property, Map<String, Object> section) {
    for (SiteKey<?> k : keys) {
      if (property.equals(k.property())) {
        return Optional.of(new Located(k, section));
      }
    }
    for (SectionKeys n : nested.values()) {
      if (n.properties().contains(property)) {
        return n.locate(property, mapping(section, n.name));
      }
    }
    return Optional.empty();
  }

  /** The mapping under {@code key}, made when the site file has none. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> mapping(Map<String, Object> parent, String key) {
    Object o = parent.get(key);
    if (o instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    parent.put(key, created);
    return created;
  }
}
