package cn.yichang.edge.profile;

/**
 * What a profile of a protocol other than Modbus RTU declares instead of register points: a GPIO
 * pin's behaviour, an ASCII line's fields, a binary frame's layout. Each protocol's reader defines
 * its own record; the component that reads such devices casts to it.
 */
public interface ProtocolSpec {

  /** The names of the values one reading set of this device carries, in reporting order. */
  java.util.List<String> pointNames();

  /**
   * Whether the device talks without being asked, so that it owns its serial line alone (no bus can
   * poll other devices on it).
   */
  default boolean streams() {
    return false;
  }

  /** The units the profile gives its values, where it declared them, for the profile lints. */
  default java.util.List<UnitUse> units() {
    return java.util.List.of();
  }

  /**
   * @param line the line of the profile file that declared the value
   */
  record UnitUse(String point, String unit, int line) {}
}
