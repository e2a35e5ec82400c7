package cn.yichang.edge.profile.yaml;

import cn.yichang.edge.profile.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects every problem found in a file, so that the user sees them all at once. */
public final class Problems {

  private final List<Problem> list = new ArrayList<>();

  /** The 1-based line a node starts on. */
  public static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  public void add(Problem problem) {
    list.add(problem);
  }

  public void add(Path file, Node node, String field, String message) {
    list.add(new Problem(file, line(node), field, message));
  }

  public void addAll(Collection<Problem> problems) {
    list.addAll(problems);
  }

  public int size() {
    return list.size();
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** The problems in the order of their lines (those on one line in the order found). */
  public List<Problem> inLineOrder() {
    return list.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
  }

  /** The problems in the order they were found. */
  public List<Problem> list() {
    return List.copyOf(list);
  }
}
