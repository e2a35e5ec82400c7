package cn.yichang.edge.profile.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How enum constants are spelt in profiles: lower case, {@code _} as {@code -}. */
final class SpecNames {
  private SpecNames() {}

  static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static <E extends Enum<E>> Map<String, E> of(E[] values) {
    Map<String, E> map = new LinkedHashMap<>();
    for (E e : values) {
      map.put(name(e), e);
    }
    return Collections.unmodifiableMap(map);
  }
}
