package cn.yichang.edge.tools.validate;

import cn.yichang.edge.site.SiteValidation;
import java.time.Clock;

/**
 * {@code bin/sanxia-edge validate} (and the check {@code run} makes first): the site file's rules
 * and, on the configurations it becomes, every component's own activation check, so that a site
 * accepted here is one whose components start. On a plain class path with the bundles' jars.
 */
public final class ValidateCommand {

  private ValidateCommand() {}

  public static void main(String[] args) {
    System.exit(
        SiteValidation.run(args, System.out, System.err, new ComponentChecks(Clock.systemUTC())));
  }
}
