package cn.yichang.edge.site.internal;

import cn.yichang.edge.profile.yaml.MappingReader;
import cn.yichang.edge.report.ReportMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the {@code uplink:}, {@code store:}, {@code remote:} and {@code report:} sections. */
final class SiteSections {
  /** A Kura application id is one topic level: no separators, wildcards or spaces. */
  private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final MappingReader root;

  SiteSections(MappingReader root) {
    this.root = root;
  }

  Optional<Site.Store> store() {
    return section("store")
        .map(
            s -> {
              Path path = SiteSchema.Store.PATH.value(s);
              int maxMb = SiteSchema.Store.MAX_MB.value(s);
              Duration interval = SiteSchema.Store.COMMIT_INTERVAL.value(s);
              int maxMessages = SiteSchema.Store.COMMIT_MAX_MESSAGES.value(s);
              s.finish();
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
    return section("report")
        .map(
            r -> {
              String mode = SiteSchema.Report.MODE.value(r);
              Duration heartbeat = SiteSchema.Report.HEARTBEAT.value(r);
              r.finish();
              if (heartbeat != null && mode.equals(ReportMode.EVERY_POLL.key())) {
                r.problem(
                    "heartbeat", "only with mode: on-change (every-poll sends every reading)");
              }
              return new Site.Report(mode, heartbeat);
            });
  }

  /** {@code remote:}: what the platform may do from afar beyond configurations. */
  Optional<Site.Remote> remote() {
    return section("remote")
        .map(
            r -> {
              List<String> commands = SiteSchema.Remote.COMMANDS.value(r);
              Duration timeout = SiteSchema.Remote.COMMAND_TIMEOUT.value(r);
              int output = SiteSchema.Remote.COMMAND_OUTPUT.value(r);
              r.finish();
              // Stricter than CMD-V1's activation, which bounds neither; a program listed twice is
              // refused by its check (CommandConfigCheck), which validate runs.
              for (String c : commands) {
                if (c.isBlank() || c.chars().anyMatch(Character::isWhitespace)) {
                  r.problem("commands", "\"" + c + "\" is not one program name or path");
                }
              }
              return new Site.Remote(commands, timeout, output);
            });
  }

  private Optional<MappingReader> section(String key) {
    return root.node(key).flatMap(n -> MappingReader.of(root.file(), n, key, root.problems()));
  }

  Optional<Site.Uplink> uplink() {
    return section("uplink").flatMap(this::uplink);
  }

  private Optional<Site.Uplink> uplink(MappingReader u) {
    Optional<URI> url = SiteSchema.Uplink.URL.read(u).flatMap(text -> url(u, text));
    String protocol = SiteSchema.Uplink.PROTOCOL.value(u);
    boolean allowPlaintext = SiteSchema.Uplink.ALLOW_PLAINTEXT.value(u);
    Optional<Site.Tls> tls =
        u.node("tls")
            .flatMap(n -> MappingReader.of(u.file(), n, u.field("tls"), u.problems()))
            .map(this::tls);
    String appId = SiteSchema.Uplink.APP_ID.value(u);
    int inFlight = SiteSchema.Uplink.IN_FLIGHT.value(u);
    Duration keepalive = SiteSchema.Uplink.KEEPALIVE.value(u);
    Duration reconnectMin = SiteSchema.Uplink.RECONNECT_MIN.value(u);
    Duration reconnectMax = SiteSchema.Uplink.RECONNECT_MAX.value(u);
    Integer maxMessage = SiteSchema.Uplink.MAX_MESSAGE.value(u);
    u.finish();
    if (!APP_ID.matcher(appId).matches()) {
      u.problem("app-id", "\"" + appId + "\" is not one topic level (letters, digits, . _ -)");
    }
    if (reconnectMin.compareTo(reconnectMax) > 0) {
      u.problem("reconnect-min", "is longer than reconnect-max");
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
            maxMessage == null ? 0 : maxMessage));
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
    Path ca = SiteSchema.Tls.CA.value(t);
    Path cert = SiteSchema.Tls.CERT.value(t);
    Path key = SiteSchema.Tls.KEY.value(t);
    Path p12 = SiteSchema.Tls.P12.value(t);
    String password = SiteSchema.Tls.PASSWORD.value(t);
    boolean loose = SiteSchema.Tls.ALLOW_LOOSE_PERMISSIONS.value(t);
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
}
