package cn.yichang.edge.site.internal;

import cn.yichang.edge.profile.Problem;
import java.util.List;

/**
 * The outcome of reading a site file.
 *
 * @param site the site, or null when there are errors
 * @param errors what makes the file unusable, in the order found
 * @param warnings what is accepted but ignored
 * @param lines where each key of the file is
 */
record SiteReport(Site site, List<Problem> errors, List<Problem> warnings, SiteLines lines) {

  SiteReport {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  SiteReport(Site site, List<Problem> errors, List<Problem> warnings) {
    this(site, errors, warnings, SiteLines.none());
  }

  boolean valid() {
    return errors.isEmpty();
  }
}
