package cn.yichang.edge.hj212.internal.station;

import java.sql.SQLException;

/**
 * What the platform may set (RtdInterval, MinInterval, PW, OverTime, ReCount), over the site's
 * values: a platform's value is kept in the archive until the site file's own value changes, so a
 * restart keeps what the platform set, and an installer's new value is not silently overridden.
 */
final class StationSettings {
  private final StationArchive archive;

  StationSettings(StationArchive archive) {
    this.archive = archive;
  }

  /** The value in effect: the platform's while the site's is the one it replaced. */
  String effective(String key, String siteValue) throws SQLException {
    String replaced = archive.setting("site." + key).orElse(null);
    String platform = archive.setting("platform." + key).orElse(null);
    if (platform != null && siteValue.equals(replaced)) {
      return platform;
    }
    return siteValue;
  }

  /** The platform sets {@code key}, replacing the site's {@code siteValue}. */
  void platformSets(String key, String value, String siteValue) throws SQLException {
    archive.set("site." + key, siteValue);
    archive.set("platform." + key, value);
  }
}
