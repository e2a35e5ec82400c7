package cn.yichang.edge.remote;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One application of Kura's request/response protocol (a whiteboard service): the dispatcher hands
 * it every request on {@code $EDC/<account>/<gateway-id>/<appId()>/<METHOD>/<resource...>} and
 * sends what it returns to the requester. BIRTH lists the ids of the registered apps.
 *
 * <p>Requests run on a bounded pool of worker threads with a time limit: a handler that runs over
 * it is interrupted and the requester gets 500.
 */
@ConsumerType
public interface RemoteApp {

  /** Kura's application id, e.g. {@code CONF-V1}: one topic level, unique on the gateway. */
  String appId();

  /**
   * Answers one request. An unknown resource is {@link Response#notFound}, a request that cannot be
   * served as sent {@link Response#badRequest}; an exception becomes a 500 with its message.
   */
  Response handle(Request request) throws Exception;
}
