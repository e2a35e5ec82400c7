package cn.yichang.edge.site.internal;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import cn.yichang.edge.report.ReportMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every site section's keys, each described once (key, type, default, range, configuration
 * property): the site reader, the provisioning ({@link SiteConfigurations}) and CONF-V1 edits
 * ({@link SiteEdits}) all go by these. Checks between keys (reconnect-min under reconnect-max, a
 * unit used twice) stay with the readers.
 */
final class SiteSchema {

  private static final String IDENTITY = "set by the gateway's identity, not changed remotely";

  private SiteSchema() {}

  /** {@code gateway:}, which no edit changes. */
  static final class Gateway {
    static final SiteKey<String> ID = SiteKey.text("id", "id", null).required();
    static final SiteKey<String> ACCOUNT = SiteKey.text("account", "account", null).required();
    static final SectionKeys KEYS = new SectionKeys("gateway", ID, ACCOUNT);

    private Gateway() {}
  }

  /** An entry of {@code buses:}. */
  static final class Bus {
    static final SiteKey<String> ID = SiteKey.text("id", "id", null).required();
    static final SiteKey<String> TYPE =
        SiteKey.choice("type", null, null, List.of("serial")).required();
    static final SiteKey<String> PORT = SiteKey.text("port", "port", null).required();
    static final SiteKey<Integer> BAUD = SiteKey.integer("baud", "baud", 9600, 300, 4_000_000);
    static final SiteKey<String> PARITY =
        SiteKey.choice("parity", "parity", "none", List.of("none", "even", "odd"));
    static final SiteKey<Integer> DATA_BITS = SiteKey.integer("data-bits", "data.bits", 8, 7, 8);
    static final SiteKey<Integer> STOP_BITS = SiteKey.integer("stop-bits", "stop.bits", 1, 1, 2);
    static final SiteKey<Duration> RESPONSE_TIMEOUT =
        SiteKey.millis(
            "response-timeout", "response.timeout.ms", ofMillis(500), ofMillis(10), ofSeconds(10));
    static final SectionKeys KEYS =
        new SectionKeys(
                "buses[]", ID, TYPE, PORT, BAUD, PARITY, DATA_BITS, STOP_BITS, RESPONSE_TIMEOUT)
            .derived("id", NAMES_IT, SiteSchema::sameId);

    private Bus() {}
  }

  private static final String NAMES_IT = "cannot be changed (it names the configuration)";

  /** An entry of {@code devices:}: on a bus, or wired to a pin ({@code gpio: {pin, pull}}). */
  static final class Device {
    static final SiteKey<String> ID = SiteKey.text("id", "id", null).required();
    static final SiteKey<String> PROFILE = SiteKey.text("profile", "profile", null).required();
    static final SiteKey<String> BUS = SiteKey.text("bus", "bus", null);
    static final SiteKey<Integer> UNIT = SiteKey.integer("unit", "unit", null, 1, 247);
    static final SiteKey<Duration> POLL =
        SiteKey.millis("poll", "poll.ms", ofSeconds(10), ofMillis(1), null);
    static final String BUS_TARGET = "bus.target";
    static final SectionKeys KEYS =
        new SectionKeys("devices[]", ID, PROFILE, BUS, UNIT, POLL)
            .nest(Pin.KEYS)
            .derived("id", NAMES_IT, SiteSchema::sameId)
            .derived(
                BUS_TARGET,
                "follows bus; set bus instead",
                (tree, device, value) ->
                    busTarget(String.valueOf(device.get("bus"))).equals(value));

    private Device() {}

    /** The service filter that binds a device to its bus. */
    static String busTarget(String bus) {
      return "(bus.id=" + bus + ")";
    }
  }

  /** A device's {@code gpio: {pin, pull}}; no pull is the profile's default. */
  static final class Pin {
    /** BCM numbering of the 40-pin header of Raspberry Pi-class boards: GPIO 0..27. */
    static final int MAX_PIN = 27;

    static final SiteKey<Integer> PIN = SiteKey.integer("pin", "pin", null, 0, MAX_PIN).required();
    static final SiteKey<String> PULL =
        SiteKey.choice("pull", "pull", null, List.of("up", "down", "off"));
    static final SectionKeys KEYS = new SectionKeys("gpio", PIN, PULL);

    private Pin() {}
  }

  /** {@code gpio:}, the provider of every pin. */
  static final class Gpio {
    static final SiteKey<String> PROVIDER =
        SiteKey.choice("provider", "provider", "auto", List.of("auto", "mock", "gpiod", "linuxfs"));
    static final SiteKey<Path> SCRIPT = SiteKey.path("script", "script");
    static final SiteKey<Double> SCRIPT_SCALE =
        SiteKey.decimal("script-scale", "script.scale", 1.0, 0, 100);
    static final SectionKeys KEYS =
        new SectionKeys("gpio", PROVIDER, SCRIPT, SCRIPT_SCALE)
            .fixed("state.dir", "follows the state directory");

    private Gpio() {}
  }

  /** {@code store:}, the buffer. */
  static final class Store {
    static final SiteKey<Path> PATH = SiteKey.path("path", "path");
    static final SiteKey<Integer> MAX_MB = SiteKey.integer("max-mb", "max.mb", 64, 1, 1_000_000);
    static final SiteKey<Duration> COMMIT_INTERVAL =
        SiteKey.millis(
            "commit-interval", "commit.interval.ms", ofMillis(250), ofMillis(1), ofSeconds(10));
    static final SiteKey<Integer> COMMIT_MAX_MESSAGES =
        SiteKey.integer("commit-max-messages", "commit.max.messages", 500, 1, 100_000);
    static final SectionKeys KEYS =
        new SectionKeys("store", PATH, MAX_MB, COMMIT_INTERVAL, COMMIT_MAX_MESSAGES)
            .fixed("destinations", "follows the site's platforms");

    private Store() {}
  }

  /** {@code report:}, what is worth sending; the Kura telemetry stage's configuration. */
  static final class Report {
    static final SiteKey<String> MODE =
        SiteKey.choice(
            "mode",
            "report.mode",
            ReportMode.EVERY_POLL.key(),
            Arrays.stream(ReportMode.values()).map(ReportMode::key).toList());
    static final SiteKey<Duration> HEARTBEAT =
        SiteKey.seconds("heartbeat", "report.heartbeat.s", null, ofSeconds(1), ofHours(168));
    static final SectionKeys KEYS =
        new SectionKeys("report", MODE, HEARTBEAT)
            .derived("account", IDENTITY, gateway("account"))
            .derived("client.id", IDENTITY, gateway("id"))
            .fixed("state.dir", "follows the state directory");

    private Report() {}
  }

  /** {@code remote:}; its commands are the installer's to allow, on site only. */
  static final class Remote {
    static final SiteKey<List<String>> COMMANDS = SiteKey.texts("commands", "allow");
    static final SiteKey<Duration> COMMAND_TIMEOUT =
        SiteKey.millis("command-timeout", "timeout.ms", ofSeconds(60), ofSeconds(1), ofHours(24));
    static final SiteKey<Integer> COMMAND_OUTPUT =
        SiteKey.integer("command-output", "output.bytes", 65_536, 1024, 16 * 1024 * 1024);
    static final SectionKeys KEYS =
        new SectionKeys("remote", COMMANDS, COMMAND_TIMEOUT, COMMAND_OUTPUT);

    private Remote() {}
  }

  /** {@code uplink:}, the Kura platform's connection. */
  static final class Uplink {
    /** MQTT's keep alive is 16 bits of seconds. */
    static final long MAX_KEEPALIVE_S = 65_535;

    static final SiteKey<String> URL = SiteKey.text("url", "url", null).required();
    static final SiteKey<String> PROTOCOL =
        SiteKey.choice("protocol", "protocol", "mqtt5", List.of("mqtt5", "mqtt3", "auto"));
    static final SiteKey<Boolean> ALLOW_PLAINTEXT =
        SiteKey.bool("allow-plaintext", "allow.plaintext", false);
    static final SiteKey<String> APP_ID = SiteKey.text("app-id", "app.id", "sensors");
    static final SiteKey<Integer> IN_FLIGHT =
        SiteKey.integer("in-flight", "in.flight", 1000, 1, 65_535);
    static final SiteKey<Duration> KEEPALIVE =
        SiteKey.seconds(
            "keepalive", "keepalive.s", ofSeconds(30), ofSeconds(1), ofSeconds(MAX_KEEPALIVE_S));
    static final SiteKey<Duration> RECONNECT_MIN =
        SiteKey.millis("reconnect-min", "reconnect.min.ms", ofSeconds(1), ofMillis(1), null);
    static final SiteKey<Duration> RECONNECT_MAX =
        SiteKey.millis("reconnect-max", "reconnect.max.ms", ofMinutes(5), ofMillis(1), null);

    /** Without it, the broker's maximum (0). */
    static final SiteKey<Integer> MAX_MESSAGE =
        SiteKey.integer("max-message", "max.message", null, 128, 268_435_460);

    static final SectionKeys KEYS =
        new SectionKeys(
                "uplink",
                URL,
                PROTOCOL,
                ALLOW_PLAINTEXT,
                APP_ID,
                IN_FLIGHT,
                KEEPALIVE,
                RECONNECT_MIN,
                RECONNECT_MAX,
                MAX_MESSAGE)
            .nest(Tls.KEYS)
            .derived("account", IDENTITY, gateway("account"))
            .derived("client.id", IDENTITY, gateway("id"));

    private Uplink() {}
  }

  /** An entry of {@code hj212:}, an environment platform; its TLS files are the uplink's. */
  static final class Hj212 {
    static final SiteKey<String> ID = SiteKey.text("id", "id", null).required();
    static final SiteKey<String> URL = SiteKey.text("url", "url", null).required();
    static final SiteKey<Boolean> ALLOW_PLAINTEXT =
        SiteKey.bool("allow-plaintext", "allow.plaintext", false);
    static final SiteKey<String> MN = SiteKey.text("mn", "mn", null).required();
    static final SiteKey<String> PASSWORD = SiteKey.secret("password", "password").required();
    static final SiteKey<String> ST = SiteKey.text("st", "st", "21");
    static final SiteKey<Duration> REALTIME =
        SiteKey.seconds("realtime", "realtime.s", ofSeconds(30), ofSeconds(30), ofHours(1));
    static final SiteKey<Duration> MINUTE =
        SiteKey.minutes("minute", "minute.min", ofMinutes(10), ofMinutes(1), ofMinutes(30));
    static final SiteKey<Boolean> ACK = SiteKey.bool("ack", "ack", true);
    static final SiteKey<Duration> TIMEOUT =
        SiteKey.seconds("timeout", "timeout.s", ofSeconds(10), ofSeconds(1), ofSeconds(99));
    static final SiteKey<Integer> RETRIES = SiteKey.integer("retries", "retries", 3, 1, 99);
    static final SiteKey<List<String>> DEVICES = SiteKey.texts("devices", "devices");
    static final SiteKey<List<String>> MAINTENANCE = SiteKey.texts("maintenance", "maintenance");
    static final SiteKey<List<String>> CALIBRATION = SiteKey.texts("calibration", "calibration");
    static final SiteKey<String> TIME_ZONE =
        SiteKey.text("time-zone", "time.zone", "Asia/Shanghai");
    static final SectionKeys KEYS =
        new SectionKeys(
                "hj212[]",
                ID,
                URL,
                ALLOW_PLAINTEXT,
                MN,
                PASSWORD,
                ST,
                REALTIME,
                MINUTE,
                ACK,
                TIMEOUT,
                RETRIES,
                DEVICES,
                MAINTENANCE,
                CALIBRATION,
                TIME_ZONE)
            .derived("id", NAMES_IT, SiteSchema::sameId)
            .fixed("codes", "follows the devices' profiles and their hj212: codes")
            .fixed("state.dir", "follows the state directory")
            .fixed("store.target", "follows id");

    private Hj212() {}
  }

  /** {@code uplink.tls:}; absent files are the property "". */
  static final class Tls {
    static final SiteKey<Path> CA = SiteKey.path("ca", "tls.ca");
    static final SiteKey<Path> CERT = SiteKey.path("cert", "tls.cert");
    static final SiteKey<Path> KEY = SiteKey.path("key", "tls.key");
    static final SiteKey<Path> P12 = SiteKey.path("p12", "tls.p12");
    static final SiteKey<String> PASSWORD = SiteKey.secret("password", "tls.password");
    static final SiteKey<Boolean> ALLOW_LOOSE_PERMISSIONS =
        SiteKey.bool("allow-loose-permissions", "tls.allow.loose.permissions", false);
    static final SectionKeys KEYS =
        new SectionKeys("tls", CA, CERT, KEY, P12, PASSWORD, ALLOW_LOOSE_PERMISSIONS);

    private Tls() {}
  }

  private static boolean sameId(Map<String, Object> tree, Map<String, Object> entry, Object value) {
    return String.valueOf(entry.get("id")).equals(String.valueOf(value));
  }

  private static SectionKeys.Follows gateway(String key) {
    return (tree, section, value) ->
        tree.get("gateway") instanceof Map<?, ?> g && Objects.equals(g.get(key), value);
  }
}
