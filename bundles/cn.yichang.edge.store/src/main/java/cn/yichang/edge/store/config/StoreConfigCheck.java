package cn.yichang.edge.store.config;

import cn.yichang.edge.store.internal.StoreSettings;
import org.osgi.service.cm.ConfigurationException;

/**
 * The check the store's activation makes of its configuration, without opening the database: the
 * values, and a database file the store can create or write (a directory that exists or can be
 * made, and is writable). A configuration this accepts starts; one it refuses does not, for the
 * same reason.
 */
public final class StoreConfigCheck {

  private StoreConfigCheck() {}

  /**
   * @throws ConfigurationException naming the key at fault ({@code path}, {@code max.mb}, ...) and
   *     why
   */
  public static void check(StoreConfig config) throws ConfigurationException {
    StoreSettings.of(config);
  }
}
