package cn.yichang.edge.profile.internal.lint;

import cn.yichang.edge.profile.Problem;

/** One lint finding, located like a reader problem ({@code FILE:LINE: field: message}). */
public record Finding(Severity severity, Problem problem) {

  /**
   * {@code FILE:LINE: field: message} for an error, {@code FILE:LINE: field: warning: message} for
   * a warning (the form of {@code validate}'s warnings).
   */
  @Override
  public String toString() {
    return severity == Severity.ERROR
        ? problem.toString()
        : problem.file()
            + ":"
            + problem.line()
            + ": "
            + problem.field()
            + ": warning: "
            + problem.message();
  }
}
