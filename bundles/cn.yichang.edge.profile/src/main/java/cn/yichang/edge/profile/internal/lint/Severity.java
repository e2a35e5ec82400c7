package cn.yichang.edge.profile.internal.lint;

/** How bad a lint finding is: an error fails {@code profiles validate}, a warning does not. */
public enum Severity {
  ERROR,
  WARNING
}
