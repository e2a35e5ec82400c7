package cn.yichang.edge.site.internal;

import cn.yichang.edge.profile.yaml.Problems;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The line of every key of a site file, by field path ({@code uplink.tls.key}, {@code
 * buses[0].baud}), so that a refusal found after reading (by a component's own check of the
 * configuration the file became) still names the installer's line.
 */
final class SiteLines {

  private final Map<String, Integer> lines;

  private SiteLines(Map<String, Integer> lines) {
    this.lines = Map.copyOf(lines);
  }

  static SiteLines of(Node root) {
    Map<String, Integer> lines = new HashMap<>();
    walk(root, "", lines);
    return new SiteLines(lines);
  }

  static SiteLines none() {
    return new SiteLines(Map.of());
  }

  /**
   * The line of {@code field}; for a field the file leaves to its default, the line of the nearest
   * enclosing key it has (the section), else 1.
   */
  int line(String field) {
    String f = field;
    while (!f.isEmpty()) {
      Integer line = lines.get(f);
      if (line != null) {
        return line;
      }
      int cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
      f = cut < 0 ? "" : f.substring(0, cut);
    }
    return 1;
  }

  private static void walk(Node node, String path, Map<String, Integer> lines) {
    if (node instanceof MappingNode mapping) {
      for (NodeTuple t : mapping.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode key) {
          String field = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
          lines.putIfAbsent(field, Problems.line(key));
          walk(t.getValueNode(), field, lines);
        }
      }
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        String field = path + "[" + i + "]";
        lines.putIfAbsent(field, Problems.line(items.get(i)));
        walk(items.get(i), field, lines);
      }
    }
  }
}
