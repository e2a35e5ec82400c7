package cn.yichang.edge.site;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.service.cm.ConfigurationException;

/**
 * The check a component's activation makes of its configuration, run by {@link SiteValidation} on
 * every configuration a site file becomes, so that a site {@code validate} accepts is one whose
 * components all start.
 */
@ConsumerType
@FunctionalInterface
public interface ConfigurationCheck {

  /** No component checks: the site file's own rules only. */
  ConfigurationCheck NONE = (pid, properties) -> {};

  /**
   * @param pid the configuration's PID, or its factory PID for a factory configuration
   * @param properties the properties as ConfigAdmin will hold them
   * @throws ConfigurationException naming the property refused and why
   */
  void check(String pid, Map<String, Object> properties) throws ConfigurationException;
}
