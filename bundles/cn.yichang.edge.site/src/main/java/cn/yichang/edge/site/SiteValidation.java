package cn.yichang.edge.site;

import cn.yichang.edge.site.internal.ValidateCommand;
import java.io.PrintStream;

/**
 * {@code validate --config FILE [--profiles DIR] [--state DIR]}: the site file's own rules, then
 * {@code check} on every configuration it becomes. Exit 0 and {@code FILE: valid (N buses, M
 * devices)}; exit 2 and one {@code FILE:LINE: field: what is wrong} per problem on stdout, a
 * component's refusal at the line of the site key its property comes from. Warnings on stderr.
 */
public final class SiteValidation {

  private SiteValidation() {}

  /** The exit code: 0 valid, 2 invalid or bad usage. */
  public static int run(String[] args, PrintStream out, PrintStream err, ConfigurationCheck check) {
    return ValidateCommand.run(args, out, err, check);
  }
}
