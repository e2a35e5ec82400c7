package cn.yichang.edge.remote.command;

import java.util.HashSet;
import java.util.Set;
import org.osgi.service.cm.ConfigurationException;

/**
 * The check CMD-V1's activation makes of its configuration: the allow-list, one entry per program.
 * A configuration this accepts starts; one it refuses does not, for the same reason.
 */
public final class CommandConfigCheck {

  private CommandConfigCheck() {}

  /**
   * @return the programs that may run
   * @throws ConfigurationException naming {@code allow} and why
   */
  public static Set<String> allowed(CommandConfig config) throws ConfigurationException {
    String[] allow = config.allow();
    if (allow == null || allow.length == 0) {
      throw new ConfigurationException("allow", "CMD-V1: no program may run (allow is empty)");
    }
    Set<String> allowed = new HashSet<>();
    for (String program : allow) {
      if (program == null || program.isBlank()) {
        throw new ConfigurationException("allow", "CMD-V1: an empty program name");
      }
      // A second entry is likely a slip for another program; refusing it names the line to fix.
      if (!allowed.add(program)) {
        throw new ConfigurationException("allow", "\"" + program + "\" is listed twice");
      }
    }
    return Set.copyOf(allowed);
  }

  /**
   * @throws ConfigurationException naming {@code allow} and why
   */
  public static void check(CommandConfig config) throws ConfigurationException {
    allowed(config);
  }
}
