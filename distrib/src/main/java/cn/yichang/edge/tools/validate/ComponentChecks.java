package cn.yichang.edge.tools.validate;

import cn.yichang.edge.gpio.config.GpioConfig;
import cn.yichang.edge.gpio.config.GpioConfigCheck;
import cn.yichang.edge.remote.command.CommandConfig;
import cn.yichang.edge.remote.command.CommandConfigCheck;
import cn.yichang.edge.site.ConfigurationCheck;
import cn.yichang.edge.store.config.StoreConfig;
import cn.yichang.edge.store.config.StoreConfigCheck;
import cn.yichang.edge.uplink.config.UplinkConfig;
import cn.yichang.edge.uplink.config.UplinkConfigCheck;
import java.time.Clock;
import java.util.Map;
import org.osgi.service.cm.ConfigurationException;

/**
 * The activation-time check of each component the site configures, by the PID it reads: the very
 * code the component runs before it starts, here on the properties the site file becomes. A
 * configuration of a PID not listed has no check beyond the site file's own rules: the buses' and
 * the devices', whose activation refuses nothing those rules accept (see SiteReader).
 */
final class ComponentChecks implements ConfigurationCheck {

  /** The checks, by configuration PID (factory PID for factory configurations). */
  private final Map<String, ConfigurationCheck> checks;

  ComponentChecks(Clock clock) {
    checks =
        Map.of(
            UplinkConfig.PID,
            (pid, p) ->
                UplinkConfigCheck.check(TypedConfiguration.of(UplinkConfig.class, p), clock),
            StoreConfig.PID,
            (pid, p) -> StoreConfigCheck.check(TypedConfiguration.of(StoreConfig.class, p)),
            GpioConfig.PID,
            (pid, p) -> GpioConfigCheck.check(TypedConfiguration.of(GpioConfig.class, p)),
            CommandConfig.PID,
            (pid, p) -> CommandConfigCheck.check(TypedConfiguration.of(CommandConfig.class, p)));
  }

  @Override
  public void check(String pid, Map<String, Object> properties) throws ConfigurationException {
    ConfigurationCheck check = checks.get(pid);
    if (check != null) {
      check.check(pid, properties);
    }
  }
}
