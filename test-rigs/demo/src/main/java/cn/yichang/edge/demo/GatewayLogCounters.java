package cn.yichang.edge.demo;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The gateway's side of the buffer, read from its log as it grows: how many reading sets it took,
 * and how often its buffer said it evicted or lost something. Taken minus what reached the platform
 * is what sits in the buffer or is on its way.
 */
final class GatewayLogCounters {
  private static final String READING = " readings - reading ";

  private final Path log;
  private long offset;
  private String partial = "";
  private long taken;
  private long bufferWarnings;

  GatewayLogCounters(Path log) {
    this.log = log;
  }

  /** Reads what the log gained since the last call. */
  void refresh() {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      if (file.length() <= offset) {
        return;
      }
      byte[] added = new byte[(int) Math.min(file.length() - offset, 1 << 20)];
      file.seek(offset);
      file.readFully(added);
      offset += added.length;
      String text = partial + new String(added, StandardCharsets.UTF_8);
      int end = text.lastIndexOf('\n');
      partial = text.substring(end + 1);
      for (String line : text.substring(0, end + 1).split("\n")) {
        count(line);
      }
    } catch (IOException e) {
      // no log yet: the gateway is starting
    }
  }

  void count(String line) {
    if (line.contains(READING)) {
      taken++;
    } else if (line.contains(" store - ") && (line.contains("evict") || line.contains("lost"))) {
      bufferWarnings++;
    }
  }

  /** One line for the view, given how many distinct reading sets reached the platform. */
  String describe(long delivered) {
    return "reading sets taken=%d, at the platform=%d, in the buffer or on the way=%d%s"
        .formatted(
            taken,
            delivered,
            Math.max(0, taken - delivered),
            bufferWarnings == 0 ? "" : ", buffer warnings=" + bufferWarnings + " (see its log)");
  }
}
