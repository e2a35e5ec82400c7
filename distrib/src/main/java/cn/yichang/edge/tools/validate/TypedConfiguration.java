package cn.yichang.edge.tools.validate;

import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Map;

/**
 * A component's configuration annotation over ConfigAdmin properties, as Declarative Services
 * builds it (OSGi Compendium 112.8.2): {@code tls_ca()} reads {@code tls.ca}, {@code a__b()} reads
 * {@code a_b}; an absent property is the method's default; values are converted to the method's
 * type. Off OSGi, so that {@code validate} hands a component's check the configuration its
 * activation will get.
 */
final class TypedConfiguration {

  private TypedConfiguration() {}

  static <A extends Annotation> A of(Class<A> type, Map<String, ?> properties) {
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              if (method.getDeclaringClass() == Object.class
                  || method.getDeclaringClass() == Annotation.class) {
                return switch (method.getName()) {
                  case "annotationType" -> type;
                  case "hashCode" -> System.identityHashCode(self);
                  case "equals" -> self == args[0];
                  default -> type.getSimpleName() + properties.keySet();
                };
              }
              return value(method, properties.get(key(method.getName())));
            });
    return type.cast(proxy);
  }

  /** DS's mapping of a method name to a property name. */
  static String key(String method) {
    return method
        .replace("$$", "\u0000")
        .replace("$", "")
        .replace("__", "\u0001")
        .replace('_', '.')
        .replace('\u0001', '_')
        .replace('\u0000', '$');
  }

  private static Object value(Method method, Object raw) {
    Class<?> type = method.getReturnType();
    Object value = raw == null ? method.getDefaultValue() : raw;
    if (value == null) {
      return type.isPrimitive() ? convert(type, zero(type)) : null;
    }
    if (type.isArray()) {
      Object[] items = items(value);
      Object array = Array.newInstance(type.getComponentType(), items.length);
      for (int i = 0; i < items.length; i++) {
        Array.set(array, i, convert(type.getComponentType(), items[i]));
      }
      return array;
    }
    Object[] items = items(value);
    return items.length == 0 ? convert(type, zero(type)) : convert(type, items[0]);
  }

  private static Object[] items(Object value) {
    if (value instanceof Collection<?> c) {
      return c.toArray();
    }
    if (value.getClass().isArray()) {
      Object[] items = new Object[Array.getLength(value)];
      for (int i = 0; i < items.length; i++) {
        items[i] = Array.get(value, i);
      }
      return items;
    }
    return new Object[] {value};
  }

  private static Object zero(Class<?> type) {
    return type == boolean.class ? Boolean.FALSE : type.isPrimitive() ? 0 : null;
  }

  private static Object convert(Class<?> type, Object value) {
    if (value == null) {
      return null;
    }
    if (type == String.class) {
      return value.toString();
    }
    if (type == boolean.class || type == Boolean.class) {
      return value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString().trim());
    }
    if (type == double.class || type == Double.class || type == float.class) {
      double d = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
      return type == float.class ? (Object) (float) d : d;
    }
    long l = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
    if (type == int.class || type == Integer.class) {
      return (int) l;
    }
    if (type == long.class || type == Long.class) {
      return l;
    }
    if (type == short.class) {
      return (short) l;
    }
    if (type == byte.class) {
      return (byte) l;
    }
    throw new IllegalArgumentException("cannot convert " + value + " to " + type.getSimpleName());
  }
}
