package cn.yichang.edge.profile;

import java.util.List;

/** A profile that cannot be used, with every problem found in it. */
public class ProfileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  public ProfileException(List<Problem> problems) {
    super(problems.isEmpty() ? "invalid profile" : problems.get(0).toString());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
