package cn.yichang.edge.remote;

import cn.yichang.edge.kura.KuraPayload;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request from the platform, decoded.
 *
 * @param appId the application it is addressed to
 * @param method GET, PUT, POST, DEL or EXEC
 * @param resources the topic levels after the method, possibly none
 * @param requestId the {@code request.id} metric
 * @param requesterClientId the {@code requester.client.id} metric: where the reply goes
 * @param payload the whole request payload: metrics and body
 */
public record Request(
    String appId,
    String method,
    List<String> resources,
    String requestId,
    String requesterClientId,
    KuraPayload payload) {

  public Request {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(method, "method");
    resources = List.copyOf(resources);
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(requesterClientId, "requesterClientId");
    Objects.requireNonNull(payload, "payload");
  }

  /** The resources joined by {@code /}, e.g. {@code configurations/cn.yichang.edge.store}. */
  public String resourcePath() {
    return String.join("/", resources);
  }

  /** The body, empty when the request has none. */
  public byte[] body() {
    return payload.body() == null ? new byte[0] : payload.body();
  }

  /** A metric's value if it is there with that Java (Kura) type. */
  public <T> Optional<T> metric(String name, Class<T> type) {
    return payload.metric(name).filter(type::isInstance).map(type::cast);
  }
}
