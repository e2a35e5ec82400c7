package cn.yichang.edge.remote.internal.asset;

import cn.yichang.edge.reading.Asset.Channel;
import cn.yichang.edge.reading.Asset.ValueType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The value an ASSET-V1 write asks for, checked against the channel's type. */
final class WriteValues {

  private WriteValues() {}

  /**
   * The value of a write as the channel's type has it: a JSON string (as Kura sends it) or a JSON
   * number or boolean; the request's {@code type}, when given, must be the channel's kind.
   */
  static Object value(Channel channel, Map<String, Object> requested, String at) {
    Object type = requested.get("type");
    if (type != null && !compatible(String.valueOf(type), channel.type())) {
      throw new IllegalArgumentException(
          at + ": " + channel.name() + " is " + channel.type() + ", not " + type);
    }
    Object raw = requested.get("value");
    if (raw == null) {
      throw new IllegalArgumentException(at + ": \"value\" missing");
    }
    String text = raw instanceof BigDecimal d ? d.toPlainString() : String.valueOf(raw).trim();
    String wrong =
        at + ": " + channel.name() + " is " + channel.type() + ": \"" + raw + "\" is not";
    switch (channel.type()) {
      case BOOLEAN -> {
        if (text.equals("true") || text.equals("false")) {
          return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException(wrong + " true or false");
      }
      case INTEGER, LONG -> {
        try {
          return new BigDecimal(text).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
          throw new IllegalArgumentException(wrong + " an integer");
        }
      }
      case FLOAT, DOUBLE -> {
        try {
          double d = new BigDecimal(text).doubleValue();
          if (Double.isInfinite(d)) {
            throw new NumberFormatException();
          }
          return d;
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(wrong + " a number");
        }
      }
      default -> {
        return text;
      }
    }
  }

  private static boolean compatible(String requested, ValueType channel) {
    if (requested.equals(channel.name())) {
      return true;
    }
    List<String> numbers = List.of("INTEGER", "LONG", "FLOAT", "DOUBLE");
    return numbers.contains(requested) && numbers.contains(channel.name());
  }
}
