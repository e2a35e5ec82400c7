package cn.yichang.edge.report.internal;

import java.io.IOException;
import java.io.Writer;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A destination's reporting state as a text file: a {@code D} line per device (its last good
 * reading, whether it is lost) and a {@code P} line per point (what was last sent, when it was
 * acquired, whether it was out of range). Fields are tab-separated; ids and strings URL-encoded.
 * Written to a temporary file, synced and renamed, so a crash leaves the previous state whole.
 */
public final class ReportStateFile {
  private static final String HEADER = "# sanxia-edge report state 1";

  private ReportStateFile() {}

  /**
   * @return the devices' states; empty when the file does not exist
   * @throws IOException when it cannot be read or a line is not ours (naming the line)
   */
  public static Map<String, DeviceReport> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Map.of();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException(file + ":1: not a report state file");
    }
    Map<String, Map<String, DeviceReport.Sent>> sent = new HashMap<>();
    Map<String, Instant> lastGood = new HashMap<>();
    Map<String, Boolean> lost = new HashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t", -1);
      try {
        if (f[0].equals("D") && f.length == 4) {
          String device = decode(f[1]);
          lastGood.put(
              device, f[2].equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(f[2])));
          lost.put(device, f[3].equals("1"));
        } else if (f[0].equals("P") && f.length == 7) {
          DeviceReport.Sent s =
              new DeviceReport.Sent(
                  value(f[5], f[6]), f[4].equals("1"), Instant.ofEpochMilli(Long.parseLong(f[3])));
          sent.computeIfAbsent(decode(f[1]), d -> new HashMap<>()).put(decode(f[2]), s);
        } else if (!lines.get(i).isEmpty()) {
          throw new IllegalArgumentException("expected a D or a P line");
        }
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    Map<String, DeviceReport> out = new HashMap<>();
    for (String device : union(sent.keySet(), lastGood.keySet())) {
      out.put(
          device,
          new DeviceReport(
              sent.getOrDefault(device, Map.of()),
              lastGood.get(device),
              lost.getOrDefault(device, false)));
    }
    return out;
  }

  /** Writes the states atomically; the directory is made when missing. */
  public static void write(Path file, Map<String, DeviceReport> devices) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel ch =
            FileChannel.open(
                tmp,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        Writer w = Channels.newWriter(ch, StandardCharsets.UTF_8)) {
      w.write(HEADER + "\n");
      for (Map.Entry<String, DeviceReport> e : new TreeMap<>(devices).entrySet()) {
        DeviceReport d = e.getValue();
        String device = encode(e.getKey());
        synchronized (d) {
          Instant good = d.lastGood();
          w.write(
              "D\t"
                  + device
                  + "\t"
                  + (good == null ? "-" : good.toEpochMilli())
                  + "\t"
                  + (d.lost() ? 1 : 0)
                  + "\n");
          for (Map.Entry<String, DeviceReport.Sent> p : new TreeMap<>(d.sent()).entrySet()) {
            DeviceReport.Sent s = p.getValue();
            w.write(
                "P\t"
                    + device
                    + "\t"
                    + encode(p.getKey())
                    + "\t"
                    + s.at().toEpochMilli()
                    + "\t"
                    + (s.outOfRange() ? 1 : 0)
                    + "\t"
                    + type(s.value())
                    + "\t"
                    + text(s.value())
                    + "\n");
          }
        }
      }
      w.flush();
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String type(Object value) {
    if (value == null) {
      return "E"; // what was sent is the point's failure
    }
    if (value instanceof Long) {
      return "L";
    }
    if (value instanceof Double) {
      return "D";
    }
    return value instanceof Boolean ? "B" : "S";
  }

  private static String text(Object value) {
    return value == null ? "" : value instanceof String s ? encode(s) : value.toString();
  }

  private static Object value(String type, String text) {
    return switch (type) {
      case "E" -> null;
      case "L" -> Long.parseLong(text);
      case "D" -> Double.parseDouble(text);
      case "B" -> Boolean.parseBoolean(text);
      case "S" -> decode(text);
      default -> throw new IllegalArgumentException("unknown value type " + type);
    };
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
