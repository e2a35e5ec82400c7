package cn.yichang.edge.site;

import java.util.List;

/** A remote change that was refused, with every reason; nothing was changed. */
public final class SiteChangeException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;
  private final boolean notFound;

  public SiteChangeException(List<String> problems, boolean notFound) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
    this.notFound = notFound;
  }

  public static SiteChangeException invalid(String problem) {
    return new SiteChangeException(List.of(problem), false);
  }

  public static SiteChangeException notFound(String problem) {
    return new SiteChangeException(List.of(problem), true);
  }

  public List<String> problems() {
    return problems;
  }

  /** Whether it was refused because what it names does not exist (a 404 rather than a 400). */
  public boolean notFound() {
    return notFound;
  }
}
