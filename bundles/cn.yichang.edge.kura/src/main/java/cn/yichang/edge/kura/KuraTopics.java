package cn.yichang.edge.kura;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Kura's topic namespace. Data: {@code <account>/<clientId>/<appId>/<subtopic...>}. Control: {@code
 * $EDC/<account>/<clientId>/<appId>/...}, with the lifecycle messages under the app id {@code
 * MQTT}. A gateway subscribes to {@link #controlSubscription} on every connection.
 */
public final class KuraTopics {

  /** Kura's default control prefix (configurable in Kura; no Kura cloud we know changes it). */
  public static final String CONTROL_PREFIX = "$EDC";

  /** The app id of lifecycle messages. */
  public static final String LIFECYCLE_APP_ID = "MQTT";

  private KuraTopics() {}

  /**
   * Replaces what Kura replaces in a client id before using it as a topic level: {@code / + # .} by
   * {@code -}.
   */
  public static String sanitizeClientId(String clientId) {
    return clientId.replace('/', '-').replace('+', '-').replace('#', '-').replace('.', '-');
  }

  /** {@code <account>/<clientId>/<appId>/<subtopic...>}; a subtopic may hold several levels. */
  public static String data(String account, String clientId, String appId, String... subtopic) {
    List<String> levels = new ArrayList<>(List.of(level(account), level(clientId), level(appId)));
    for (String part : subtopic) {
      levels.add(levels(part));
    }
    return String.join("/", levels);
  }

  /** {@code $EDC/<account>/<clientId>/<rest...>}; a part of the rest may hold several levels. */
  public static String control(String account, String clientId, String... rest) {
    List<String> levels = new ArrayList<>(List.of(CONTROL_PREFIX, level(account), level(clientId)));
    for (String part : rest) {
      levels.add(levels(part));
    }
    return String.join("/", levels);
  }

  public static String birth(String account, String clientId) {
    return control(account, clientId, LIFECYCLE_APP_ID, "BIRTH");
  }

  public static String dc(String account, String clientId) {
    return control(account, clientId, LIFECYCLE_APP_ID, "DC");
  }

  public static String lwt(String account, String clientId) {
    return control(account, clientId, LIFECYCLE_APP_ID, "LWT");
  }

  public static String apps(String account, String clientId) {
    return control(account, clientId, LIFECYCLE_APP_ID, "APPS");
  }

  /** {@code $EDC/<account>/<clientId>/#}: every request addressed to this gateway. */
  public static String controlSubscription(String account, String clientId) {
    return control(account, clientId) + "/#";
  }

  /** Where the answer to a request goes: {@code $EDC/<acct>/<requester>/<appId>/REPLY/<id>}. */
  public static String reply(
      String account, String requesterClientId, String appId, String requestId) {
    return control(account, requesterClientId, level(appId), "REPLY", level(requestId));
  }

  /**
   * Takes a request topic apart; empty when it is not {@code $EDC/<account>/<clientId>/<appId>/
   * <method>[/<resource>...]} with non-empty levels.
   */
  public static Optional<KuraRequestTopic> parseRequest(String topic) {
    String[] levels = topic.split("/", -1);
    if (levels.length < 5 || !levels[0].equals(CONTROL_PREFIX)) {
      return Optional.empty();
    }
    if (Arrays.stream(levels).anyMatch(String::isEmpty)) {
      return Optional.empty();
    }
    List<String> resources = List.of(levels).subList(5, levels.length);
    return Optional.of(new KuraRequestTopic(levels[1], levels[2], levels[3], levels[4], resources));
  }

  /** One topic level: not empty, no separator, no wildcard. */
  private static String level(String level) {
    if (level == null || level.isEmpty() || level.contains("/")) {
      throw new IllegalArgumentException("not a single topic level: '" + level + "'");
    }
    return levels(level);
  }

  /** One or more topic levels: no empty level, no wildcard. */
  private static String levels(String levels) {
    if (levels == null) {
      throw new IllegalArgumentException("null topic level");
    }
    if (levels.contains("+") || levels.contains("#")) {
      throw new IllegalArgumentException("wildcard in a topic to publish to: '" + levels + "'");
    }
    if (Arrays.stream(levels.split("/", -1)).anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("empty topic level in '" + levels + "'");
    }
    return levels;
  }
}
