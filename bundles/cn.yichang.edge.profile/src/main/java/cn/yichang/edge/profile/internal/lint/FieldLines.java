package cn.yichang.edge.profile.internal.lint;

import cn.yichang.edge.profile.yaml.Problems;
import cn.yichang.edge.profile.yaml.YamlFiles;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The line of a field such as {@code points[3].unit} in a profile file, so that a finding points at
 * the key itself even in a block-style point that spans several lines.
 */
final class FieldLines {

  private static final Pattern STEP = Pattern.compile("([^.\\[]+)(?:\\[(\\d+)])?");

  private final Node root;

  private FieldLines(Node root) {
    this.root = root;
  }

  static FieldLines of(Path file) {
    return new FieldLines(YamlFiles.compose(file, new Problems()).orElse(null));
  }

  /** The line of the field's value, or {@code fallback} when the file does not have it. */
  int line(String field, int fallback) {
    Node node = root;
    for (String step : field.split("\\.")) {
      Matcher m = STEP.matcher(step);
      if (node == null || !m.matches()) {
        return fallback;
      }
      node = value(node, m.group(1)).orElse(null);
      if (node != null && m.group(2) != null) {
        int index = Integer.parseInt(m.group(2));
        node =
            node instanceof SequenceNode s && index < s.getValue().size()
                ? s.getValue().get(index)
                : null;
      }
    }
    return node == null ? fallback : Problems.line(node);
  }

  private static Optional<Node> value(Node mapping, String key) {
    if (mapping instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return Optional.of(t.getValueNode());
        }
      }
    }
    return Optional.empty();
  }
}
