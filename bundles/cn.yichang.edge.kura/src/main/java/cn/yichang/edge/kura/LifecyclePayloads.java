package cn.yichang.edge.kura;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The payloads of Kura's lifecycle messages (topics in {@link KuraTopics}): BIRTH on every
 * connection, APPS when the application ids change, DC before a clean disconnect, and the LWT the
 * broker publishes when the gateway vanishes. Kura's metrics are STRINGs, in the order Kura's
 * builder adds them; a {@code null} value is left out, as Kura does. BIRTH and APPS may end with
 * the buffer's {@link BufferFacts}, in their own types.
 *
 * <p>kura_version is left out: we are not Kura, and a cloud that reads it would take our version
 * for Kura's. application_framework "Sanxia Edge" and application_framework_version say what we
 * are.
 */
public final class LifecyclePayloads {

  /** What we send as application_framework (Kura sends "Kura"). */
  public static final String APPLICATION_FRAMEWORK = "Sanxia Edge";

  /**
   * What a BIRTH keeps when the broker's packet limit leaves no room for the rest: who the gateway
   * is, what it runs and answers, and (every {@code edge.} metric) what it knows it lost.
   */
  private static final Set<String> ESSENTIAL_BIRTH_METRICS =
      Set.of(
          "uptime",
          "display_name",
          "model_name",
          "firmware_version",
          "application_ids",
          "accept_encoding");

  private LifecyclePayloads() {}

  /**
   * A BIRTH (or APPS) cut down to at most {@code maxWireBytes} on the wire: the metrics that are
   * not essential are dropped from the end (Kura's order puts the least needed last), then the
   * position, until it fits.
   *
   * @return the payload as it is when it fits, empty when even its essentials do not
   */
  public static Optional<KuraPayload> within(KuraPayload birth, int maxWireBytes) {
    if (wireSize(birth) <= maxWireBytes) {
      return Optional.of(birth);
    }
    List<KuraMetric> metrics = new ArrayList<>(birth.metrics());
    KuraPayload cut = birth;
    for (int i = metrics.size() - 1; i >= 0; i--) {
      String name = metrics.get(i).name();
      if (ESSENTIAL_BIRTH_METRICS.contains(name) || name.startsWith("edge.")) {
        continue;
      }
      metrics.remove(i);
      cut = new KuraPayload(cut.timestamp(), cut.position(), metrics, cut.body());
      if (wireSize(cut) <= maxWireBytes) {
        return Optional.of(cut);
      }
    }
    cut = new KuraPayload(cut.timestamp(), null, metrics, cut.body());
    return wireSize(cut) <= maxWireBytes ? Optional.of(cut) : Optional.empty();
  }

  private static int wireSize(KuraPayload payload) {
    return KuraPayloadCodec.encodeForWire(payload).length;
  }

  /**
   * The BIRTH payload: Kura's metrics, then the buffer's facts ({@link BufferFacts}: their own
   * types, after Kura's so that Kura's order is kept).
   */
  public static KuraPayload birth(
      GatewayDescription gateway, Duration uptime, Instant now, BufferFacts buffer) {
    KuraPayload kura = birth(gateway, uptime, now);
    List<KuraMetric> metrics = new ArrayList<>(kura.metrics());
    metrics.add(new KuraMetric(BufferFacts.LOST, buffer.lost()));
    metrics.add(new KuraMetric(BufferFacts.EVICTED, buffer.evicted()));
    metrics.add(new KuraMetric(BufferFacts.SET_ASIDE, buffer.setAside()));
    metrics.add(new KuraMetric(BufferFacts.UNCLEAN_STOP, buffer.uncleanStop()));
    if (buffer.uncleanStop() && buffer.lastCommit() != null) {
      metrics.add(new KuraMetric(BufferFacts.LAST_COMMIT, buffer.lastCommit().toEpochMilli()));
    }
    return new KuraPayload(kura.timestamp(), kura.position(), metrics, kura.body());
  }

  /**
   * The BIRTH payload as Kura has it, without the buffer's facts: the gateway's description, its
   * uptime in ms, and its position if known.
   */
  public static KuraPayload birth(GatewayDescription gateway, Duration uptime, Instant now) {
    Metrics m = new Metrics();
    m.add("uptime", Long.toString(uptime.toMillis()));
    m.add("display_name", gateway.displayName());
    m.add("model_name", gateway.modelName());
    m.add("model_id", gateway.modelId());
    m.add("part_number", gateway.partNumber());
    m.add("serial_number", gateway.serialNumber());
    m.add("firmware_version", gateway.firmwareVersion());
    m.add("bios_version", gateway.biosVersion());
    m.add("cpu_version", gateway.cpuVersion());
    m.add("os", gateway.os());
    m.add("os_version", gateway.osVersion());
    m.add("jvm_name", gateway.jvmName());
    m.add("jvm_version", gateway.jvmVersion());
    m.add("jvm_profile", gateway.jvmProfile());
    m.add("application_framework", APPLICATION_FRAMEWORK);
    m.add("application_framework_version", gateway.applicationFrameworkVersion());
    m.add("connection_interface", gateway.connectionInterface());
    m.add("connection_ip", gateway.connectionIp());
    m.add("accept_encoding", gateway.acceptEncoding());
    m.add("application_ids", String.join(",", gateway.applicationIds()));
    m.add("available_processors", text(gateway.availableProcessors()));
    m.add("total_memory", text(gateway.totalMemoryKb()));
    m.add("os_arch", gateway.osArch());
    m.add("osgi_framework", gateway.osgiFramework());
    m.add("osgi_framework_version", gateway.osgiFrameworkVersion());
    m.add("payload_encoding", gateway.payloadEncoding());
    m.add("jvm_vendor", gateway.jvmVendor());
    m.add("jdk_vendor_version", gateway.jdkVendorVersion());
    m.add("extended_properties", gateway.extendedProperties());
    return new KuraPayload(now, gateway.position(), m.list, null);
  }

  /** The APPS payload, sent when the application ids change: the same as BIRTH. */
  public static KuraPayload apps(GatewayDescription gateway, Duration uptime, Instant now) {
    return birth(gateway, uptime, now);
  }

  /** The APPS payload, sent when the application ids change: the same as BIRTH. */
  public static KuraPayload apps(
      GatewayDescription gateway, Duration uptime, Instant now, BufferFacts buffer) {
    return birth(gateway, uptime, now, buffer);
  }

  /** The DC payload, published before a clean disconnect: uptime (ms) and display_name. */
  public static KuraPayload dc(GatewayDescription gateway, Duration uptime, Instant now) {
    Metrics m = new Metrics();
    m.add("uptime", Long.toString(uptime.toMillis()));
    m.add("display_name", gateway.displayName());
    return new KuraPayload(now, null, m.list, null);
  }

  /**
   * The LWT payload, registered at connect and published by the broker when the connection breaks:
   * display_name, stamped with the connection time (the broker cannot say when it fires). Kura's
   * default LWT payload is empty; a KuraPayload decodes on any Kura cloud either way and tells
   * which gateway went.
   */
  public static KuraPayload lwt(GatewayDescription gateway, Instant connectedAt) {
    Metrics m = new Metrics();
    m.add("display_name", gateway.displayName());
    return new KuraPayload(connectedAt, null, m.list, null);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** STRING metrics in order, leaving out null values. */
  private static final class Metrics {
    final List<KuraMetric> list = new ArrayList<>();

    void add(String name, String value) {
      if (value != null) {
        list.add(new KuraMetric(name, value));
      }
    }
  }
}
