package cn.yichang.edge.uplink.internal;

/** A refused configuration value, with the configuration key at fault. */
final class BadSetting extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String key;

  BadSetting(String key, String message) {
    super(message);
    this.key = key;
  }

  String key() {
    return key;
  }
}
