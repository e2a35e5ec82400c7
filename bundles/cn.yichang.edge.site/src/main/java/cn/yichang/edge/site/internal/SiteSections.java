package cn.yichang.edge.site.internal;

import cn.yichang.edge.profile.yaml.MappingReader;
import cn.yichang.edge.report.ReportMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the {@code uplink:}, {@code store:}, {@code remote:} and {@code report:} sections. */
final class SiteSections {
  static final String DEFAULT_APP_ID = "sensors";
  static final long MAX_KEEPALIVE_S = 65_535;
  static final Map<String, String> PROTOCOLS =
      Map.of("mqtt5", "mqtt5", "mqtt3", "mqtt3", "auto", "auto");

  /** A Kura application id is one topic level: no separators, wildcards or spaces. */
  private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final MappingReader root;
  private final Path base;

  SiteSections(MappingReader root, Path siteFile) {
    this.root = root;
    this.base = siteFile.getParent() == null ? Path.of("") : siteFile.getParent();
  }

  Optional<Site.Store> store() {
    return root.node("store")
        .flatMap(n -> MappingReader.of(root.file(), n, "store", root.problems()))
        .map(
            s -> {
              Path path = s.string("path").map(this::resolve).orElse(null);
              int maxMb = s.integer("max-mb", 1, 1_000_000).orElse(64L).intValue();
              Duration interval =
                  s.duration("commit-interval").orElse(Site.Store.DEFAULT_COMMIT_INTERVAL);
              int maxMessages =
                  s.integer("commit-max-messages", 1, 100_000).orElse(500L).intValue();
              s.finish();
              if (interval.toMillis() < 1 || interval.toMillis() > 10_000) {
                s.problem("commit-interval", "must be between 1ms and 10s");
              }
              // The limits are stricter than the store's activation (StoreSettings.of, run by
              // validate on the configuration): a directory that cannot be made is refused there.
              if (path != null && Files.isDirectory(path)) {
                s.problem("path", path + " is a directory: name the database file");
              }
              return new Site.Store(path, maxMb, interval, maxMessages);
            });
  }

  /** {@code report:}: what is worth sending, the default of every destination. */
  Optional<Site.Report> report() {
    Map<String, String> modes = new LinkedHashMap<>();
    for (ReportMode m : ReportMode.values()) {
      modes.put(m.key(), m.key());
    }
    return root.node("report")
        .flatMap(n -> MappingReader.of(root.file(), n, "report", root.problems()))
        .map(
            r -> {
              String mode = r.choice("mode", modes).orElse(Site.Report.EVERY_POLL.mode());
              Duration heartbeat = r.duration("heartbeat").orElse(null);
              r.finish();
              if (heartbeat != null && (heartbeat.toSeconds() < 1 || heartbeat.toDays() > 7)) {
                r.problem("heartbeat", "must be between 1s and 168h");
              }
              if (heartbeat != null && mode.equals(ReportMode.EVERY_POLL.key())) {
                r.problem(
                    "heartbeat", "only with mode: on-change (every-poll sends every reading)");
              }
              return new Site.Report(mode, heartbeat);
            });
  }

  /** {@code remote:}: what the platform may do from afar beyond configurations. */
  Optional<Site.Remote> remote() {
    return root.node("remote")
        .flatMap(n -> MappingReader.of(root.file(), n, "remote", root.problems()))
        .map(
            r -> {
              List<String> commands = r.strings("commands");
              Duration timeout = r.duration("command-timeout").orElse(Duration.ofSeconds(60));
              int output =
                  r.integer("command-output", 1024, 16 * 1024 * 1024).orElse(65_536L).intValue();
              r.finish();
              // Stricter than CMD-V1's activation, which bounds neither; a program listed twice is
              // refused by its check (CommandConfigCheck), which validate runs.
              if (timeout.toMillis() < 1000 || timeout.toHours() > 24) {
                r.problem("command-timeout", "must be between 1s and 24h");
              }
              for (String c : commands) {
                if (c.isBlank() || c.chars().anyMatch(Character::isWhitespace)) {
                  r.problem("commands", "\"" + c + "\" is not one program name or path");
                }
              }
              return new Site.Remote(commands, timeout, output);
            });
  }

  Optional<Site.Uplink> uplink() {
    return root.node("uplink")
        .flatMap(n -> MappingReader.of(root.file(), n, "uplink", root.problems()))
        .flatMap(this::uplink);
  }

  private Optional<Site.Uplink> uplink(MappingReader u) {
    Optional<URI> url = u.requiredString("url").flatMap(text -> url(u, text));
    String protocol = u.choice("protocol", PROTOCOLS).orElse("mqtt5");
    boolean allowPlaintext = u.bool("allow-plaintext").orElse(false);
    Optional<Site.Tls> tls =
        u.node("tls")
            .flatMap(n -> MappingReader.of(u.file(), n, u.field("tls"), u.problems()))
            .map(this::tls);
    String appId = u.string("app-id").orElse(DEFAULT_APP_ID);
    int inFlight = u.integer("in-flight", 1, 65_535).orElse(1000L).intValue();
    Duration keepalive = u.duration("keepalive").orElse(Duration.ofSeconds(30));
    Duration reconnectMin = u.duration("reconnect-min").orElse(Duration.ofSeconds(1));
    Duration reconnectMax = u.duration("reconnect-max").orElse(Duration.ofMinutes(5));
    int maxMessage = u.integer("max-message", 128, 268_435_460).orElse(0L).intValue();
    u.finish();
    if (!APP_ID.matcher(appId).matches()) {
      u.problem("app-id", "\"" + appId + "\" is not one topic level (letters, digits, . _ -)");
    }
    if (reconnectMin.compareTo(reconnectMax) > 0) {
      u.problem("reconnect-min", "is longer than reconnect-max");
    }
    // MQTT's keep alive is 16 bits of seconds; above it the int keepalive.s would wrap around
    // into the uplink's own range (4294967297s became 1s), so it is refused here, at the key.
    if (keepalive.toSeconds() < 1 || keepalive.toSeconds() > MAX_KEEPALIVE_S) {
      u.problem("keepalive", "must be between 1s and " + MAX_KEEPALIVE_S + "s");
    }
    if (url.isEmpty()) {
      return Optional.empty();
    }
    if (url.get().getScheme().equals("tcp")) {
      if (!allowPlaintext) {
        u.problem(
            "url",
            "tcp:// sends readings and credentials in clear text; use ssl://, or say"
                + " allow-plaintext: true to accept that");
      }
    } else if (tls.isEmpty()) {
      u.problem("tls", "missing (required for ssl://): ca, and cert with key or p12");
    } else if (!tls.get().complete()) {
      return Optional.empty();
    }
    return Optional.of(
        new Site.Uplink(
            url.get().toString(),
            protocol,
            tls.orElse(null),
            allowPlaintext,
            appId,
            inFlight,
            keepalive,
            reconnectMin,
            reconnectMax,
            maxMessage));
  }

  private Optional<URI> url(MappingReader u, String text) {
    try {
      URI uri = new URI(text);
      if (!"ssl".equals(uri.getScheme()) && !"tcp".equals(uri.getScheme())) {
        u.problem(
            "url", "\"" + text + "\": expected ssl://HOST:PORT (or tcp:// with allow-plaintext)");
        return Optional.empty();
      }
      if (uri.getHost() == null || uri.getPort() < 1) {
        u.problem("url", "\"" + text + "\": expected " + uri.getScheme() + "://HOST:PORT");
        return Optional.empty();
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      u.problem("url", "\"" + text + "\" is not a URL: " + e.getReason());
      return Optional.empty();
    }
  }

  private Site.Tls tls(MappingReader t) {
    Path ca = t.string("ca").map(this::resolve).orElse(null);
    Path cert = t.string("cert").map(this::resolve).orElse(null);
    Path key = t.string("key").map(this::resolve).orElse(null);
    Path p12 = t.string("p12").map(this::resolve).orElse(null);
    String password = t.string("password").orElse("");
    boolean loose = t.bool("allow-loose-permissions").orElse(false);
    t.finish();
    boolean ok = readable(t, "ca", ca);
    ok &= readable(t, "cert", cert) & readable(t, "key", key) & readable(t, "p12", p12);
    if (ca == null) {
      t.problem(
          "ca", "missing (required): the CA certificate(s) the platform's broker is signed by");
      ok = false;
    }
    if (p12 == null && (cert == null || key == null)) {
      t.problem(
          cert == null ? "cert" : "key",
          "missing: the gateway's certificate and key (cert and key), or a PKCS#12 file (p12)");
      ok = false;
    }
    if (p12 != null && (cert != null || key != null)) {
      t.problem("p12", "give either p12 or cert and key, not both");
      ok = false;
    }
    return new Site.Tls(ca, cert, key, p12, password, loose, ok);
  }

  private static boolean readable(MappingReader r, String key, Path file) {
    if (file == null) {
      return true;
    }
    if (!Files.isRegularFile(file)) {
      r.problem(key, "no such file: " + file);
      return false;
    }
    if (!Files.isReadable(file)) {
      r.problem(key, "cannot read " + file + " (permissions)");
      return false;
    }
    return true;
  }

  private Path resolve(String path) {
    return base.resolve(path).toAbsolutePath().normalize();
  }
}
