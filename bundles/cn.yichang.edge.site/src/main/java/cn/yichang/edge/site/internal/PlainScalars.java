package cn.yichang.edge.site.internal;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads plain scalars as the site reader does (YAML 1.2's core schema), not as YAML 1.1: {@code
 * pull: off} stays the string {@code off} (1.1 makes it {@code false}), {@code 010} and {@code
 * 1:30} stay strings (1.1 makes them octal 8 and sexagesimal 90), and dates stay text. An overlay
 * loaded and dumped again then says what the installer wrote.
 */
final class PlainScalars extends Resolver {
  private static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
  private static final Pattern DECIMAL = Pattern.compile("^[-+]?(?:0|[1-9][0-9]*)$");
  private static final Pattern REAL =
      Pattern.compile("^[-+]?(?:[0-9]+\\.[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?$");

  @Override
  protected void addImplicitResolvers() {
    addImplicitResolver(Tag.BOOL, BOOLEAN, "tTfF");
    addImplicitResolver(Tag.INT, DECIMAL, "-+0123456789");
    addImplicitResolver(Tag.FLOAT, REAL, "-+0123456789.");
    addImplicitResolver(Tag.NULL, NULL, "~nN\0");
    addImplicitResolver(Tag.NULL, EMPTY, null);
  }
}
