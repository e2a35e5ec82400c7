package cn.yichang.edge.uplink.config;

import cn.yichang.edge.uplink.internal.UplinkStart;
import java.time.Clock;
import org.osgi.service.cm.ConfigurationException;

/**
 * The checks the uplink's activation makes of its configuration, without starting it: the values,
 * then the TLS files (readable, owner-only key, key matching the certificate, certificate valid at
 * {@code clock}'s now, chains that load). A configuration this accepts starts; one it refuses does
 * not, for the same reason.
 */
public final class UplinkConfigCheck {

  private UplinkConfigCheck() {}

  /**
   * @throws ConfigurationException naming the key at fault ({@code reconnect.min.ms}, {@code
   *     tls.key}, ...) and why
   */
  public static void check(UplinkConfig config, Clock clock) throws ConfigurationException {
    UplinkStart.of(config, clock);
  }
}
