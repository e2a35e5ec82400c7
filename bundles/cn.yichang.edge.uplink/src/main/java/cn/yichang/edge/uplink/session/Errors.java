package cn.yichang.edge.uplink.session;

import java.util.ArrayList;
import java.util.List;

/** Turns an exception chain into one line: each distinct message once, outermost first. */
public final class Errors {

  private Errors() {}

  public static String describe(Throwable t) {
    List<String> parts = new ArrayList<>();
    for (Throwable c = t; c != null && parts.size() < 6; c = c.getCause()) {
      String text = text(c);
      if (parts.stream().noneMatch(p -> p.contains(text))) {
        parts.add(text);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return String.join(": ", parts);
  }

  private static String text(Throwable c) {
    String message = c.getMessage();
    String name = c.getClass().getSimpleName();
    if (message == null || message.isBlank()) {
      return name;
    }
    return c.getClass().getName().startsWith("org.eclipse.paho") ? message : name + " " + message;
  }

  /** Names of the MQTT 5 reason codes a broker may put in a PUBACK or a CONNACK. */
  public static String reasonCode(int code) {
    String name =
        switch (code) {
          case 0x80 -> "unspecified error";
          case 0x81 -> "malformed packet";
          case 0x82 -> "protocol error";
          case 0x83 -> "implementation specific error";
          case 0x84 -> "unsupported protocol version";
          case 0x85 -> "client identifier not valid";
          case 0x86 -> "bad user name or password";
          case 0x87 -> "not authorized";
          case 0x88 -> "server unavailable";
          case 0x89 -> "server busy";
          case 0x8A -> "banned";
          case 0x8C -> "bad authentication method";
          case 0x90 -> "topic name invalid";
          case 0x91 -> "packet identifier in use";
          case 0x95 -> "packet too large";
          case 0x97 -> "quota exceeded";
          case 0x99 -> "payload format invalid";
          case 0x9F -> "connection rate exceeded";
          default -> "reason code";
        };
    return String.format("%s (0x%02X)", name, code);
  }
}
