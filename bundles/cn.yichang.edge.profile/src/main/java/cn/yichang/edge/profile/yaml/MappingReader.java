package cn.yichang.edge.profile.yaml;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, line-aware access to one YAML mapping. Each getter reports a missing required key or a
 * wrong value as a problem at the value's line, named by its field path ({@code points[2].address})
 * and returns empty; {@link #finish()} then reports every key no getter asked for as unknown. Call
 * every getter of a mapping before {@code finish()}, whether or not its key is present.
 */
public final class MappingReader {

  private final Path file;
  private final Node node;
  private final String path;
  private final Problems problems;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final Set<String> known = new LinkedHashSet<>();

  private MappingReader(Path file, MappingNode node, String path, Problems problems) {
    this.file = file;
    this.node = node;
    this.path = path;
    this.problems = problems;
    for (NodeTuple t : node.getValue()) {
      String key = scalarText(t.getKeyNode());
      NodeTuple first = entries.putIfAbsent(key, t);
      if (first != null) {
        problems.add(
            file,
            t.getKeyNode(),
            field(key),
            "duplicate key (first at line " + Problems.line(first.getKeyNode()) + ")");
      }
    }
  }

  /**
   * A reader of {@code node}, or empty after a problem when it is not a mapping.
   *
   * @param path the field path of {@code node}, empty for the document root
   */
  public static Optional<MappingReader> of(Path file, Node node, String path, Problems problems) {
    if (node instanceof MappingNode m) {
      return Optional.of(new MappingReader(file, m, path, problems));
    }
    problems.add(
        file, node, path.isEmpty() ? YamlFiles.FILE_FIELD : path, "expected a mapping of keys");
    return Optional.empty();
  }

  public Path file() {
    return file;
  }

  /** The line the mapping starts on. */
  public int line() {
    return Problems.line(node);
  }

  public Problems problems() {
    return problems;
  }

  /** The field path of {@code key} in this mapping, e.g. {@code buses[0].port}. */
  public String field(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Whether the key is present (and marks it known). */
  public boolean has(String key) {
    known.add(key);
    return entries.containsKey(key);
  }

  /** Every key of the mapping, in file order, all marked known: for maps keyed by name. */
  public List<String> keys() {
    known.addAll(entries.keySet());
    return List.copyOf(entries.keySet());
  }

  /** The line of the key's value, or of the mapping when the key is absent. */
  public int line(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? line() : Problems.line(t.getValueNode());
  }

  /** Reports a problem with the key's value (or with the mapping, when the key is absent). */
  public void problem(String key, String message) {
    NodeTuple t = entries.get(key);
    problems.add(file, t == null ? node : t.getValueNode(), field(key), message);
  }

  /** The value node of a key, empty when absent; marks the key known. */
  public Optional<Node> node(String key) {
    known.add(key);
    return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
  }

  public Optional<String> string(String key) {
    return scalar(key, false, "a text value", (s, n) -> s);
  }

  public Optional<String> requiredString(String key) {
    return scalar(key, true, "a text value", (s, n) -> s);
  }

  public Optional<Long> integer(String key, long min, long max) {
    return scalar(key, false, "an integer", (s, n) -> integerValue(key, s, n, min, max));
  }

  public Optional<Long> requiredInteger(String key, long min, long max) {
    return scalar(key, true, "an integer", (s, n) -> integerValue(key, s, n, min, max));
  }

  public Optional<Double> decimal(String key) {
    return scalar(key, false, "a number", this::decimalValue);
  }

  /** {@code true} or {@code false} (YAML's other spellings of booleans are not accepted). */
  public Optional<Boolean> bool(String key) {
    return scalar(
        key,
        false,
        "true or false",
        (s, n) -> s.equals("true") ? Boolean.TRUE : s.equals("false") ? Boolean.FALSE : null);
  }

  public Optional<Duration> duration(String key) {
    return scalar(key, false, "a duration", this::durationValue);
  }

  /** One of {@code choices}' keys; says which are allowed when it is not. */
  public <E> Optional<E> choice(String key, Map<String, E> choices) {
    return scalar(
        key, false, "one of " + String.join(", ", choices.keySet()), (s, n) -> choices.get(s));
  }

  public <E> Optional<E> requiredChoice(String key, Map<String, E> choices) {
    return scalar(
        key, true, "one of " + String.join(", ", choices.keySet()), (s, n) -> choices.get(s));
  }

  /** The items of a list; absent or empty ({@code key:}) reads as an empty list. */
  public List<Node> list(String key) {
    Optional<Node> value = node(key);
    if (value.isEmpty() || isNull(value.get())) {
      return List.of();
    }
    if (value.get() instanceof SequenceNode seq) {
      return seq.getValue();
    }
    problem(key, "expected a list");
    return List.of();
  }

  /**
   * Reads each item of a list of mappings with its own reader named {@code key[i]}, in order; an
   * item that is not a mapping is reported and skipped.
   */
  public void eachMapping(String key, Consumer<MappingReader> action) {
    List<Node> items = list(key);
    for (int i = 0; i < items.size(); i++) {
      of(file, items.get(i), field(key) + "[" + i + "]", problems).ifPresent(action);
    }
  }

  /** A text list, each item reported with its own line when it is not text. */
  public List<String> strings(String key) {
    List<String> values = new ArrayList<>();
    List<Node> items = list(key);
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      if (item instanceof ScalarNode s && !isNull(s)) {
        values.add(s.getValue());
      } else {
        problems.add(file, item, field(key) + "[" + i + "]", "expected a text value");
      }
    }
    return values;
  }

  /** Reports every key no getter asked for. */
  public void finish() {
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (!known.contains(e.getKey())) {
        problems.add(
            file,
            e.getValue().getKeyNode(),
            field(e.getKey()),
            "unknown key (known keys here: " + String.join(", ", known) + ")");
      }
    }
  }

  private interface Conversion<T> {
    /** The value, or null after reporting a problem (or null alone for "not one of"). */
    T convert(String text, ScalarNode node);
  }

  private <T> Optional<T> scalar(String key, boolean required, String expected, Conversion<T> c) {
    Optional<Node> value = node(key);
    if (value.isEmpty() || isNull(value.get())) {
      if (required) {
        problem(key, value.isEmpty() ? "missing (required)" : "has no value (required)");
      }
      return Optional.empty();
    }
    if (!(value.get() instanceof ScalarNode s)) {
      problem(key, "expected " + expected + ", got a " + kind(value.get()));
      return Optional.empty();
    }
    int before = problemCount();
    T result = c.convert(s.getValue(), s);
    if (result == null && problemCount() == before) {
      problem(key, "expected " + expected + ", got \"" + s.getValue() + "\"");
    }
    return Optional.ofNullable(result);
  }

  private int problemCount() {
    return problems.size();
  }

  private Long integerValue(String key, String text, ScalarNode n, long min, long max) {
    if (!n.getTag().equals(Tag.INT)) {
      return null;
    }
    BigInteger v;
    try {
      String digits = text.replace("_", "");
      boolean negative = digits.startsWith("-");
      String unsigned = digits.replaceFirst("^[-+]", "");
      v =
          unsigned.startsWith("0x")
              ? new BigInteger(unsigned.substring(2), 16)
              : new BigInteger(unsigned, 10);
      v = negative ? v.negate() : v;
    } catch (NumberFormatException e) {
      return null;
    }
    if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
      problem(key, text + " is out of range " + min + ".." + max);
      return null;
    }
    return v.longValue();
  }

  private Double decimalValue(String text, ScalarNode n) {
    if (!n.getTag().equals(Tag.INT) && !n.getTag().equals(Tag.FLOAT)) {
      return null;
    }
    try {
      double d = Double.parseDouble(text.replace("_", ""));
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Duration durationValue(String text, ScalarNode n) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add(file, n, fieldOf(n), e.getMessage());
      return null;
    }
  }

  private String fieldOf(Node valueNode) {
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (e.getValue().getValueNode() == valueNode) {
        return field(e.getKey());
      }
    }
    return path;
  }

  private static boolean isNull(Node n) {
    return n instanceof ScalarNode && n.getTag().equals(Tag.NULL);
  }

  private static String kind(Node n) {
    return n instanceof SequenceNode ? "list" : n instanceof MappingNode ? "mapping" : "value";
  }

  private static String scalarText(Node key) {
    return key instanceof ScalarNode s ? s.getValue() : key.toString();
  }
}
