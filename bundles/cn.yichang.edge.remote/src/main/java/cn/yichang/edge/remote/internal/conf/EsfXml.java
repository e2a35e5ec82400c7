package cn.yichang.edge.remote.internal.conf;

import java.lang.reflect.Array;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes Kura's configuration XML: {@code esf:configurations} of {@code esf:configuration pid=...},
 * each with its MetaType description ({@code ocd:OCD}, when there is one) and its {@code
 * esf:properties}; and {@code esf:snapshot-ids}.
 */
final class EsfXml {
  static final String ESF = "http://eurotech.com/esf/2.0";
  static final String OCD = "http://www.osgi.org/xmlns/metatype/v1.2.0";
  static final String PASSWORD_MASK = "********";

  private static final String HEADER =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<esf:configurations xmlns:esf=\""
          + ESF
          + "\" xmlns:ocd=\""
          + OCD
          + "\">\n";

  /** One configuration: its PID, description (null for none), properties. */
  record Configuration(String pid, Ocd ocd, Map<String, Object> properties) {}

  /** A MetaType object class definition, as Kura shows it. */
  record Ocd(String id, String name, String description, List<Ad> attributes) {}

  /**
   * One attribute: {@code type} is Kura's name (String, Long, Integer, Boolean, Password, ...),
   * {@code options} label to value.
   */
  record Ad(
      String id,
      String name,
      String description,
      String type,
      int cardinality,
      boolean required,
      String defaultValue,
      Map<String, String> options) {}

  private EsfXml() {}

  static String configurations(List<Configuration> configurations, Set<String> passwords) {
    StringBuilder x = new StringBuilder(HEADER);
    for (Configuration c : configurations) {
      x.append("    <esf:configuration pid=\"").append(escape(c.pid())).append("\">\n");
      if (c.ocd() != null) {
        ocd(x, c.ocd());
      }
      x.append("        <esf:properties>\n");
      for (Map.Entry<String, Object> p : c.properties().entrySet()) {
        boolean password = passwords.contains(c.pid() + "/" + p.getKey());
        property(x, p.getKey(), p.getValue(), password);
      }
      x.append("        </esf:properties>\n");
      x.append("    </esf:configuration>\n");
    }
    return x.append("</esf:configurations>\n").toString();
  }

  static String snapshotIds(List<Long> ids) {
    StringBuilder x =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
            .append("<esf:snapshot-ids xmlns:esf=\"")
            .append(ESF)
            .append("\" xmlns:ocd=\"")
            .append(OCD)
            .append("\">\n");
    for (long id : ids) {
      x.append("    <esf:snapshotIds>").append(id).append("</esf:snapshotIds>\n");
    }
    return x.append("</esf:snapshot-ids>\n").toString();
  }

  private static void ocd(StringBuilder x, Ocd ocd) {
    x.append("        <ocd:OCD");
    attr(x, "description", ocd.description());
    attr(x, "id", ocd.id());
    attr(x, "name", ocd.name());
    x.append(">\n");
    for (Ad ad : ocd.attributes()) {
      x.append("            <ocd:AD");
      attr(x, "cardinality", Integer.toString(ad.cardinality()));
      attr(x, "default", ad.defaultValue());
      attr(x, "description", ad.description());
      attr(x, "id", ad.id());
      attr(x, "name", ad.name());
      attr(x, "required", Boolean.toString(ad.required()));
      attr(x, "type", ad.type());
      if (ad.options().isEmpty()) {
        x.append("/>\n");
        continue;
      }
      x.append(">\n");
      for (Map.Entry<String, String> o : ad.options().entrySet()) {
        x.append("                <ocd:Option");
        attr(x, "label", o.getKey());
        attr(x, "value", o.getValue());
        x.append("/>\n");
      }
      x.append("            </ocd:AD>\n");
    }
    x.append("        </ocd:OCD>\n");
  }

  private static void property(StringBuilder x, String name, Object value, boolean password) {
    boolean array = value != null && value.getClass().isArray();
    Object first = array ? (Array.getLength(value) > 0 ? Array.get(value, 0) : "") : value;
    String type =
        password ? "Password" : typeName(array ? value.getClass().getComponentType() : first);
    x.append("            <esf:property");
    attr(x, "array", Boolean.toString(array));
    attr(x, "encrypted", "false");
    attr(x, "name", name);
    attr(x, "type", type);
    x.append(">\n");
    if (array) {
      for (int i = 0; i < Array.getLength(value); i++) {
        value(x, Array.get(value, i), password);
      }
    } else {
      value(x, value, password);
    }
    x.append("            </esf:property>\n");
  }

  private static void value(StringBuilder x, Object v, boolean password) {
    String text =
        v == null ? "" : password && !v.toString().isEmpty() ? PASSWORD_MASK : v.toString();
    if (text.isEmpty()) {
      x.append("                <esf:value/>\n");
    } else {
      x.append("                <esf:value>").append(escape(text)).append("</esf:value>\n");
    }
  }

  /** Kura's type name of a property value's class. */
  static String typeName(Object valueOrClass) {
    Class<?> c =
        valueOrClass instanceof Class<?> k
            ? k
            : valueOrClass == null ? String.class : valueOrClass.getClass();
    if (c == Long.class || c == long.class) {
      return "Long";
    } else if (c == Integer.class || c == int.class) {
      return "Integer";
    } else if (c == Boolean.class || c == boolean.class) {
      return "Boolean";
    } else if (c == Double.class || c == double.class) {
      return "Double";
    } else if (c == Float.class || c == float.class) {
      return "Float";
    } else if (c == Short.class || c == short.class) {
      return "Short";
    } else if (c == Byte.class || c == byte.class) {
      return "Byte";
    } else if (c == Character.class || c == char.class) {
      return "Char";
    }
    return "String";
  }

  private static void attr(StringBuilder x, String name, String value) {
    if (value != null) {
      x.append(' ').append(name).append("=\"").append(escape(value)).append('"');
    }
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            b.append(c); // other control characters cannot be written in XML 1.0: left out
          }
        }
      }
    }
    return b.toString();
  }
}
