package cn.yichang.edge.hj212;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command parameters of a packet ({@code CP=&&...&&}): groups separated by {@code ;}, the
 * fields of one group (one pollutant's {@code -Rtd} and {@code -Flag}) by {@code ,}, each field
 * {@code key=value}. Ordered as written.
 */
public final class CpFields {
  private final List<Map<String, String>> groups;

  private CpFields(List<Map<String, String>> groups) {
    this.groups = groups;
  }

  /** The parameters between the {@code &&}s; empty text is no parameters. */
  public static CpFields parse(String cp) throws MalformedPacketException {
    List<Map<String, String>> groups = new ArrayList<>();
    if (cp.isEmpty()) {
      return new CpFields(groups);
    }
    for (String group : cp.split(";", -1)) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String field : group.split(",", -1)) {
        int eq = field.indexOf('=');
        if (eq <= 0) {
          throw new MalformedPacketException("CP field \"" + field + "\" is not key=value");
        }
        if (fields.put(field.substring(0, eq), field.substring(eq + 1)) != null) {
          throw new MalformedPacketException("CP key " + field.substring(0, eq) + " twice");
        }
      }
      groups.add(Collections.unmodifiableMap(fields));
    }
    return new CpFields(Collections.unmodifiableList(groups));
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<Map<String, String>> groups() {
    return groups;
  }

  /** The first value of {@code key} in any group. */
  public Optional<String> get(String key) {
    for (Map<String, String> g : groups) {
      String v = g.get(key);
      if (v != null) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CpFields other && groups.equals(other.groups);
  }

  @Override
  public int hashCode() {
    return groups.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (Map<String, String> g : groups) {
      if (text.length() > 0) {
        text.append(';');
      }
      StringBuilder group = new StringBuilder();
      g.forEach(
          (k, v) -> {
            if (group.length() > 0) {
              group.append(',');
            }
            group.append(k).append('=').append(v);
          });
      text.append(group);
    }
    return text.toString();
  }

  /** Groups as they are added; a key or value with a separator in it is refused. */
  public static final class Builder {
    private final List<Map<String, String>> groups = new ArrayList<>();

    /** A group of one field ({@code DataTime=...}). */
    public Builder field(String key, String value) {
      return group(Map.of(key, value));
    }

    /** A group of fields, in the map's order. */
    public Builder group(Map<String, String> fields) {
      Map<String, String> copy = new LinkedHashMap<>();
      fields.forEach(
          (k, v) -> {
            check(k);
            check(v);
            if (k.isEmpty() || k.contains("=")) {
              throw new IllegalArgumentException("CP key \"" + k + "\"");
            }
            copy.put(k, v);
          });
      groups.add(Collections.unmodifiableMap(copy));
      return this;
    }

    public CpFields build() {
      return new CpFields(List.copyOf(groups));
    }

    private static void check(String text) {
      if (text.contains(";") || text.contains(",") || text.contains("&&")) {
        throw new IllegalArgumentException("a CP key or value cannot hold ; , or &&: " + text);
      }
    }
  }
}
