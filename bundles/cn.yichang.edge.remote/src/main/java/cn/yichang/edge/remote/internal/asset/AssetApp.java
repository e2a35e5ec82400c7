package cn.yichang.edge.remote.internal.asset;

import cn.yichang.edge.reading.Asset;
import cn.yichang.edge.reading.Asset.Channel;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.remote.RemoteApp;
import cn.yichang.edge.remote.Request;
import cn.yichang.edge.remote.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ASSET-V1 in Kura's JSON, over the {@link Asset}s the device bundles register:
 *
 * <ul>
 *   <li>{@code GET assets}: every asset (or those named in the body) with its channels' {@code
 *       type} and {@code mode} ({@code READ}, or {@code READ_WRITE} for writable points);
 *   <li>{@code EXEC read}: reads now (one poll through the bus per asset) what the body names: all
 *       assets when there is no body, all channels of an asset named without {@code channels};
 *   <li>{@code EXEC write}: writes {@code [{"name": asset, "channels": [{"name", "type",
 *       "value"}]}]}. Every channel is checked before anything is written: an unknown channel, one
 *       not writable, a value of the wrong type or out of range is a 400 and nothing is written. A
 *       write the device refuses or does not answer is reported as that channel's {@code error}.
 * </ul>
 *
 * An asset name that is not on the gateway is a 404.
 */
@Component(service = RemoteApp.class)
public final class AssetApp implements RemoteApp {
  static final String APP_ID = "ASSET-V1";
  private static final Logger LOG = LoggerFactory.getLogger(AssetApp.class);

  private final Map<String, Asset> assets = new ConcurrentSkipListMap<>();
  private final Duration timeout;
  private final Clock clock;

  @Activate
  public AssetApp() {
    this(Duration.ofSeconds(30), Clock.systemUTC());
  }

  AssetApp(Duration timeout, Clock clock) {
    this.timeout = timeout;
    this.clock = clock;
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addAsset(Asset asset) {
    Asset previous = assets.putIfAbsent(asset.id(), asset);
    if (previous != null && previous != asset) {
      LOG.warn("Two assets with the id {}: the first is kept", asset.id());
    }
  }

  void removeAsset(Asset asset) {
    assets.remove(asset.id(), asset);
  }

  @Override
  public String appId() {
    return APP_ID;
  }

  @Override
  public Response handle(Request r) throws Exception {
    String path = r.resourcePath();
    String body = new String(r.body(), StandardCharsets.UTF_8);
    try {
      if (r.method().equals("GET") && path.equals("assets")) {
        return list(selection(body, false));
      }
      if (r.method().equals("EXEC") && path.equals("read")) {
        return read(selection(body, false));
      }
      if (r.method().equals("EXEC") && path.equals("write")) {
        if (body.isBlank()) {
          return Response.badRequest(
              "EXEC write needs a body: [{\"name\": asset, \"channels\": ...}]");
        }
        return write(selection(body, true));
      }
    } catch (UnknownAsset e) {
      return Response.notFound(e.getMessage());
    } catch (IllegalArgumentException e) {
      return Response.badRequest(e.getMessage());
    }
    return Response.notFound("no resource " + r.method() + " " + path + " in " + APP_ID);
  }

  /** What a request names: assets, and for each the channels ({@code null}: all of them). */
  private record Selected(Asset asset, List<Map<String, Object>> channels) {}

  private List<Selected> selection(String body, boolean write) {
    if (body.isBlank()) {
      return assets.values().stream().map(a -> new Selected(a, null)).toList();
    }
    Object parsed = Json.parse(body);
    if (!(parsed instanceof List<?> list)) {
      throw new IllegalArgumentException(
          "expected a JSON array of assets: [{\"name\": ..., \"channels\": [...]}]");
    }
    List<Selected> selected = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = "[" + i + "]";
      Map<String, Object> entry = object(list.get(i), where);
      String name = string(entry, "name", where);
      Asset asset = assets.get(name);
      if (asset == null) {
        throw new UnknownAsset("no asset " + name + " on this gateway");
      }
      Object channels = entry.get("channels");
      if (channels == null) {
        if (write) {
          throw new IllegalArgumentException(where + ": \"channels\" missing: what to write");
        }
        selected.add(new Selected(asset, null));
        continue;
      }
      if (!(channels instanceof List<?> channelList)) {
        throw new IllegalArgumentException(where + ".channels: expected an array");
      }
      List<Map<String, Object>> requested = new ArrayList<>();
      for (int j = 0; j < channelList.size(); j++) {
        String at = where + ".channels[" + j + "]";
        Map<String, Object> channel = object(channelList.get(j), at);
        String channelName = string(channel, "name", at);
        if (channel(asset, channelName) == null) {
          throw new IllegalArgumentException(
              at + ": unknown channel " + channelName + " of " + name);
        }
        requested.add(channel);
      }
      selected.add(new Selected(asset, requested));
    }
    return selected;
  }

  private Response list(List<Selected> selection) {
    StringBuilder json = new StringBuilder("[");
    for (Selected s : selection) {
      json.append(json.length() > 1 ? "," : "")
          .append("{\"name\":")
          .append(quote(s.asset().id()))
          .append(",\"channels\":[");
      boolean first = true;
      for (Channel c : s.asset().channels()) {
        if (s.channels() != null && !named(s.channels(), c.name())) {
          continue;
        }
        json.append(first ? "" : ",")
            .append("{\"name\":")
            .append(quote(c.name()))
            .append(",\"type\":\"")
            .append(c.type())
            .append("\",\"mode\":\"")
            .append(c.writable() ? "READ_WRITE" : "READ")
            .append("\"}");
        first = false;
      }
      json.append("]}");
    }
    return Response.ok(json.append("]").toString());
  }

  private Response read(List<Selected> selection) throws InterruptedException {
    // All assets are asked at once: assets on different buses are read in parallel.
    Map<Selected, CompletableFuture<ReadingSet>> reads = new LinkedHashMap<>();
    for (Selected s : selection) {
      reads.put(s, s.asset().readNow());
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    StringBuilder json = new StringBuilder("[");
    for (Map.Entry<Selected, CompletableFuture<ReadingSet>> e : reads.entrySet()) {
      Selected s = e.getKey();
      ReadingSet set = null;
      String failure = null;
      try {
        set = e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException x) {
        failure = message(x.getCause());
      } catch (TimeoutException x) {
        e.getValue().cancel(false);
        failure = "no answer within " + timeout.toSeconds() + " s";
      }
      long timestamp = set != null ? set.timestamp().toEpochMilli() : clock.millis();
      json.append(json.length() > 1 ? "," : "")
          .append("{\"name\":")
          .append(quote(s.asset().id()))
          .append(",\"channels\":[");
      boolean first = true;
      for (Channel c : s.asset().channels()) {
        if (s.channels() != null && !named(s.channels(), c.name())) {
          continue;
        }
        PointReading reading = set == null ? null : reading(set, c.name());
        String error = failure != null ? failure : reading == null ? "not read" : reading.error();
        json.append(first ? "" : ",");
        first = false;
        if (error != null) {
          channel(json, c, "error", error, timestamp);
        } else {
          channel(json, c, "value", format(reading.value()), timestamp);
        }
      }
      json.append("]}");
    }
    return Response.ok(json.append("]").toString());
  }

  private Response write(List<Selected> selection) throws InterruptedException {
    record Planned(Asset asset, Channel channel, Object value) {}
    Map<Asset, List<Planned>> plan = new LinkedHashMap<>();
    for (int i = 0; i < selection.size(); i++) {
      Selected s = selection.get(i);
      for (int j = 0; j < s.channels().size(); j++) {
        String at = "[" + i + "].channels[" + j + "]";
        Map<String, Object> requested = s.channels().get(j);
        Channel channel = channel(s.asset(), (String) requested.get("name"));
        if (!channel.writable()) {
          throw new IllegalArgumentException(
              at + ": " + channel.name() + " of " + s.asset().id() + " is not writable");
        }
        Object value = WriteValues.value(channel, requested, at);
        try {
          s.asset().checkWrite(channel.name(), value);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
        }
        plan.computeIfAbsent(s.asset(), a -> new ArrayList<>())
            .add(new Planned(s.asset(), channel, value));
      }
    }
    StringBuilder json = new StringBuilder("[");
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Map.Entry<Asset, List<Planned>> e : plan.entrySet()) {
      json.append(json.length() > 1 ? "," : "")
          .append("{\"name\":")
          .append(quote(e.getKey().id()))
          .append(",\"channels\":[");
      boolean first = true;
      for (Planned p : e.getValue()) {
        String error = null;
        CompletableFuture<Void> written = p.asset().write(p.channel().name(), p.value());
        try {
          written.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          LOG.info("ASSET-V1: wrote {} to {} of {}", p.value(), p.channel().name(), p.asset().id());
        } catch (ExecutionException x) {
          error = message(x.getCause());
          LOG.warn(
              "ASSET-V1: writing {} of {} failed: {}", p.channel().name(), p.asset().id(), error);
        } catch (TimeoutException x) {
          written.cancel(false);
          error = "no answer within " + timeout.toSeconds() + " s";
        }
        json.append(first ? "" : ",");
        first = false;
        if (error != null) {
          channel(json, p.channel(), "error", error, clock.millis());
        } else {
          channel(json, p.channel(), "value", format(p.value()), clock.millis());
        }
      }
      json.append("]}");
    }
    return Response.ok(json.append("]").toString());
  }

  private static Channel channel(Asset asset, String name) {
    return asset.channels().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  private static PointReading reading(ReadingSet set, String name) {
    return set.points().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }

  private static boolean named(List<Map<String, Object>> channels, String name) {
    return channels.stream().anyMatch(c -> name.equals(c.get("name")));
  }

  /** One channel of a reply: its value as text, or the reason it has none ({@code key} error). */
  private static void channel(
      StringBuilder json, Channel c, String key, String text, long timestamp) {
    json.append("{\"name\":")
        .append(quote(c.name()))
        .append(",\"type\":\"")
        .append(c.type())
        .append("\",\"")
        .append(key)
        .append("\":")
        .append(quote(text))
        .append(",\"timestamp\":")
        .append(timestamp)
        .append('}');
  }

  /** Values as Kura writes them: text, e.g. {@code "123"}, {@code "21.5"}, {@code "true"}. */
  private static String format(Object value) {
    return String.valueOf(value);
  }

  private static String message(Throwable t) {
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object o, String where) {
    if (!(o instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(where + ": expected an object {\"name\": ...}");
    }
    return (Map<String, Object>) o;
  }

  private static String string(Map<String, Object> o, String key, String where) {
    Object v = o.get(key);
    if (!(v instanceof String s) || s.isEmpty()) {
      throw new IllegalArgumentException(where + ": \"" + key + "\" missing or not a string");
    }
    return s;
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A request naming an asset the gateway does not have: 404. */
  private static final class UnknownAsset extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnknownAsset(String message) {
      super(message);
    }
  }
}
