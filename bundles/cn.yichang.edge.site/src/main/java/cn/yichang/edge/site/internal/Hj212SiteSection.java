package cn.yichang.edge.site.internal;

import cn.yichang.edge.hj212.Pollutant;
import cn.yichang.edge.hj212.Pollutants;
import cn.yichang.edge.hj212.UnitConversion;
import cn.yichang.edge.profile.Problem;
import cn.yichang.edge.profile.yaml.MappingReader;
import cn.yichang.edge.profile.yaml.Problems;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code hj212:} list: the environment platforms, each a destination of its own. Read with the
 * other sections; its devices and their pollutant codes are checked once the profiles are resolved:
 * a listed device that does not exist, a code two points share, a unit the gateway cannot convert
 * are errors; a point without a code is a warning (it is not sent there).
 */
final class Hj212SiteSection {
  private final MappingReader root;
  private final Map<String, Integer> ids = new HashMap<>();

  Hj212SiteSection(MappingReader root) {
    this.root = root;
  }

  /** A platform read from the file, with the reader that locates its problems. */
  record Entry(MappingReader reader, Site.Hj212 platform) {}

  List<Entry> read() {
    List<Entry> entries = new ArrayList<>();
    root.eachMapping("hj212", h -> entry(h).ifPresent(entries::add));
    return entries;
  }

  private Optional<Entry> entry(MappingReader h) {
    Optional<String> id = SiteSchema.Hj212.ID.read(h);
    Optional<String> url = SiteSchema.Hj212.URL.read(h);
    boolean plaintext = SiteSchema.Hj212.ALLOW_PLAINTEXT.value(h);
    Optional<String> mn = SiteSchema.Hj212.MN.read(h);
    Optional<String> password = SiteSchema.Hj212.PASSWORD.read(h);
    String st = SiteSchema.Hj212.ST.value(h);
    Duration realtime = SiteSchema.Hj212.REALTIME.value(h);
    Duration minute = SiteSchema.Hj212.MINUTE.value(h);
    boolean ack = SiteSchema.Hj212.ACK.value(h);
    Duration timeout = SiteSchema.Hj212.TIMEOUT.value(h);
    int retries = SiteSchema.Hj212.RETRIES.value(h);
    List<String> devices = SiteSchema.Hj212.DEVICES.value(h);
    List<String> maintenance = SiteSchema.Hj212.MAINTENANCE.value(h);
    List<String> calibration = SiteSchema.Hj212.CALIBRATION.value(h);
    String zone = SiteSchema.Hj212.TIME_ZONE.value(h);
    h.finish();
    int before = h.problems().size();
    id.ifPresent(v -> checkId(h, v));
    url.ifPresent(v -> checkUrl(h, v, plaintext));
    mn.filter(v -> !v.matches("[0-9A-Za-z]{1,24}"))
        .ifPresent(v -> h.problem("mn", "\"" + v + "\": 1 to 24 letters or digits"));
    password
        .filter(v -> !v.matches("[0-9A-Za-z]{1,6}"))
        .ifPresent(v -> h.problem("password", "1 to 6 letters or digits (the standard's PW)"));
    if (!st.matches("[0-9A-Z]{2}")) {
      h.problem("st", "\"" + st + "\": two digits or capitals (21 surface water, 32 ...)");
    }
    if (minute != null && (60 % minute.toMinutes() != 0 || minute.toSeconds() % 60 != 0)) {
      h.problem("minute", "must be 1m, 2m, 3m, 4m, 5m, 6m, 10m, 12m, 15m, 20m or 30m");
    }
    if (realtime != null && realtime.toMillis() % 1000 != 0) {
      h.problem("realtime", "whole seconds");
    }
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      h.problem("time-zone", "\"" + zone + "\" is not a time zone (Asia/Shanghai, +08:00)");
    }
    if (h.has("devices") && devices.isEmpty()) {
      h.problem("devices", "lists no device: which devices' points go to this platform?");
    } else if (!h.has("devices")) {
      h.problem("devices", "missing (required): which devices' points go to this platform");
    }
    if (h.problems().size() > before
        || id.isEmpty()
        || url.isEmpty()
        || mn.isEmpty()
        || password.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Entry(
            h,
            new Site.Hj212(
                id.get(),
                url.get(),
                plaintext,
                mn.get(),
                password.get(),
                st,
                realtime,
                minute,
                ack,
                timeout,
                retries,
                devices,
                maintenance,
                calibration,
                zone)));
  }

  private void checkId(MappingReader h, String id) {
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      h.problem("id", "\"" + id + "\" is not a valid id: letters, digits, '.', '_' or '-'");
    } else if (id.equals("uplink")) {
      h.problem("id", "\"" + id + "\" names the Kura platform's queue: give another");
    } else {
      Integer first = ids.putIfAbsent(id, h.line("id"));
      if (first != null) {
        h.problem("id", "duplicate hj212 id \"" + id + "\" (first at line " + first + ")");
      }
    }
  }

  private static void checkUrl(MappingReader h, String url, boolean plaintext) {
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      h.problem("url", "\"" + url + "\" is not a URL: tcp://HOST:PORT or tls://HOST:PORT");
      return;
    }
    if (!"tcp".equals(u.getScheme()) && !"tls".equals(u.getScheme())
        || u.getHost() == null
        || u.getPort() <= 0) {
      h.problem("url", "\"" + url + "\": tcp://HOST:PORT or tls://HOST:PORT");
    } else if ("tls".equals(u.getScheme())) {
      h.problem(
          "url",
          "tls:// is not supported yet for HJ 212 platforms: tcp:// with allow-plaintext: true");
    } else if (!plaintext) {
      h.problem("url", url + " is plaintext: say allow-plaintext: true to send it so");
    }
  }

  /** The devices and codes of each platform, once the devices' profiles are known. */
  void check(List<Entry> entries, List<Site.Device> devices, Problems warnings) {
    Map<String, Site.Device> byId = new HashMap<>();
    devices.forEach(d -> byId.put(d.id(), d));
    for (Entry e : entries) {
      MappingReader h = e.reader();
      Map<String, String> pointOfCode = new HashMap<>();
      for (String id : e.platform().devices()) {
        Site.Device d = byId.get(id);
        if (d == null) {
          h.problem("devices", "no device \"" + id + "\" in this file");
          continue;
        }
        d.pollutantCodes()
            .forEach(
                (point, code) -> {
                  String other = pointOfCode.putIfAbsent(code, id + "." + point);
                  if (other != null) {
                    h.problem(
                        "devices",
                        code
                            + " comes from both "
                            + other
                            + " and "
                            + id
                            + "."
                            + point
                            + ": give one of them another code, or none, in its device's hj212:");
                  }
                  Optional<Pollutant> p = Pollutants.of(code);
                  String unit = d.units().get(point);
                  if (p.isPresent() && unit != null && UnitConversion.of(unit, p.get()).isEmpty()) {
                    h.problem(
                        "devices",
                        id
                            + "."
                            + point
                            + " as "
                            + code
                            + ": "
                            + UnitConversion.refusal(unit, p.get()));
                  } else if (p.isEmpty()) {
                    warn(
                        warnings,
                        h,
                        id
                            + "."
                            + point
                            + ": "
                            + code
                            + " is not a code the gateway knows; sent as is, its unit unchecked");
                  }
                });
        List<String> uncoded =
            d.units().keySet().stream().filter(p -> !d.pollutantCodes().containsKey(p)).toList();
        if (d.pollutantCodes().isEmpty()) {
          warn(
              warnings,
              h,
              "device "
                  + id
                  + " has no point with an hj212 code: nothing of it is sent to "
                  + e.platform().id());
        } else if (!uncoded.isEmpty()) {
          warn(
              warnings,
              h,
              id
                  + ": "
                  + String.join(", ", uncoded)
                  + " without an hj212 code, not sent to "
                  + e.platform().id());
        }
      }
    }
  }

  private static void warn(Problems warnings, MappingReader h, String message) {
    warnings.add(new Problem(h.file(), h.line("devices"), h.field("devices"), message));
  }
}
