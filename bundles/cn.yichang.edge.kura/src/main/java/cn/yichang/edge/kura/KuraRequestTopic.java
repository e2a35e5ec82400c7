package cn.yichang.edge.kura;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A control topic {@code $EDC/<account>/<clientId>/<appId>/<method>/<resource...>} taken apart: a
 * request from the cloud to one of the gateway's applications (CONF-V1, CMD-V1, ...).
 *
 * @param method GET, PUT, POST, DEL, EXEC for a request; also REPLY or NOTIFY for the topics
 *     answers go to. Kura answers any other method with 400.
 * @param resources the levels after the method, possibly none
 */
public record KuraRequestTopic(
    String account, String clientId, String appId, String method, List<String> resources) {

  /** The methods Kura's request handlers accept. */
  public static final Set<String> REQUEST_METHODS = Set.of("GET", "PUT", "POST", "DEL", "EXEC");

  public KuraRequestTopic {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(method, "method");
    resources = List.copyOf(resources);
  }

  /** Whether the method is one a request handler serves (not REPLY, NOTIFY or unknown). */
  public boolean isRequest() {
    return REQUEST_METHODS.contains(method);
  }

  /** The resources joined by {@code /}, e.g. {@code configurations/org.foo.Bar}. */
  public String resourcePath() {
    return String.join("/", resources);
  }
}
