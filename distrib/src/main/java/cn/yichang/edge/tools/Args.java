package cn.yichang.edge.tools;

import cn.yichang.edge.profile.yaml.Durations;
import cn.yichang.edge.serial.Parity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} options and {@code --flag}s of one command, checked against the names it
 * accepts. A bad value is a {@link UsageException} naming the option.
 */
final class Args {

  private final String command;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> flags = new HashSet<>();

  private Args(String command) {
    this.command = command;
  }

  static Args parse(String command, List<String> args, Set<String> valued, Set<String> flagNames)
      throws UsageException {
    Args parsed = new Args(command);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (flagNames.contains(name) && value == null) {
        parsed.flags.add(name);
      } else if (valued.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.size()) {
            throw new UsageException(command + ": " + name + " needs a value");
          }
          value = args.get(++i);
        }
        parsed.values.put(name, value);
      } else {
        throw new UsageException(command + ": unknown argument: " + arg);
      }
    }
    return parsed;
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String required(String name) throws UsageException {
    String value = values.get(name);
    if (value == null) {
      throw new UsageException(command + ": " + name + " is required");
    }
    return value;
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback, int min, int max) throws UsageException {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    return checkedInt(name, value, min, max);
  }

  Duration duration(String name, Duration fallback) throws UsageException {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      Duration d = Durations.parse(value);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("must be positive");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          command + ": " + name + ": not a duration (250ms, 10s, 5m): " + value);
    }
  }

  /** {@code 1-247}, {@code 7}, {@code 1,2,10-20}: the numbers in order of appearance. */
  List<Integer> range(String name, String fallback, int min, int max) throws UsageException {
    List<Integer> out = new ArrayList<>();
    for (String part : values.getOrDefault(name, fallback).split(",")) {
      String[] ends = part.strip().split("-", 2);
      int first = checkedInt(name, ends[0], min, max);
      int last = ends.length == 2 ? checkedInt(name, ends[1], min, max) : first;
      if (last < first) {
        throw new UsageException(command + ": " + name + ": empty range " + part);
      }
      for (int n = first; n <= last; n++) {
        if (!out.contains(n)) {
          out.add(n);
        }
      }
    }
    return out;
  }

  static Parity parity(String command, String name, String value) throws UsageException {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "none", "n" -> Parity.NONE;
      case "even", "e" -> Parity.EVEN;
      case "odd", "o" -> Parity.ODD;
      default ->
          throw new UsageException(
              command + ": " + name + ": parity is none, even or odd: " + value);
    };
  }

  private int checkedInt(String name, String text, int min, int max) throws UsageException {
    try {
      int n = Integer.decode(text.strip());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(
          command + ": " + name + ": expected a number " + min + ".." + max + ": " + text);
    }
  }

  /** A mistake on the command line: the message, then the usage; exit 64. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
