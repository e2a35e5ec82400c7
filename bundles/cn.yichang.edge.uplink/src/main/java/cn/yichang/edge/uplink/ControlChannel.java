package cn.yichang.edge.uplink;

import java.util.Collection;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The uplink's side of Kura's control namespace {@code $EDC/<account>/<client-id>/...}: requests
 * from the platform in, replies and lifecycle announcements out. Registered with {@link Uplink}
 * while the uplink's configuration is valid.
 *
 * <p>Every connection subscribes to {@code $EDC/<account>/<client-id>/#} at QoS 1 before its BIRTH,
 * so that no request sent after a BIRTH is missed.
 */
@ProviderType
public interface ControlChannel {

  /** The account of the control topics. */
  String account();

  /** The gateway's client id as it appears in topics (Kura's sanitised form). */
  String clientId();

  /**
   * From now on, hands every message that arrives on the control subscription to {@code receiver},
   * on the MQTT client's callback thread (the receiver must return quickly and must not throw). One
   * receiver at a time: a new one replaces the previous.
   *
   * @return closing it stops the deliveries to this receiver
   */
  AutoCloseable receive(ControlReceiver receiver);

  /**
   * Publishes on the live connection now, not through the buffer: for answers that only matter to a
   * requester who is waiting. Nothing is kept for a later connection.
   *
   * @return false when there is no connection (nothing was sent)
   */
  boolean publishNow(String topic, byte[] payload, int qos);

  /**
   * The largest payload {@link #publishNow} can send on {@code topic} on the live connection: the
   * broker's packet limit less the packet's headers ({@link Integer#MAX_VALUE} when there is no
   * limit or no connection). A larger one is not sent, since the broker would drop the connection.
   */
  int maxPayload(String topic);

  /**
   * The application ids BIRTH lists in {@code application_ids}; when they changed, APPS is sent
   * (coalesced with other announcements) on the live connection.
   */
  void applicationIds(Collection<String> ids);

  /**
   * Sends BIRTH again after a configuration change or a deployment; announcements requested within
   * {@link #ANNOUNCE_DELAY_MS} of each other are sent once.
   */
  void announce();

  /** How long announcements are collected before one BIRTH or APPS goes out. */
  long ANNOUNCE_DELAY_MS = 2_000;
}
