package cn.yichang.edge.gpio.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulse counts in the state directory, one small file per device ({@code <dir>/<id>.count}, the
 * text {@code pulses=N}). {@link #update} only notes the new count; {@link #flush}, run every flush
 * interval and at stop, writes the counts that changed: each to a temporary file, fsync, atomic
 * rename, then one fsync of the directory. So a storm of pulses costs one write per device per
 * interval, and a power cut loses at most the pulses of the last interval, never the file.
 */
final class CounterFiles implements CounterStore {
  private static final Logger LOG = LoggerFactory.getLogger(CounterFiles.class);
  private static final Pattern CONTENT = Pattern.compile("pulses=(\\d{1,19})\\s*");

  private final Path dir;
  private final Map<String, Long> dirty = new LinkedHashMap<>();

  /** One flush at a time: the periodic one and a stopping device's may meet. */
  private final Object writing = new Object();

  private long lastFailureLog;

  CounterFiles(Path dir) {
    this.dir = dir;
  }

  Path file(String deviceId) {
    return dir.resolve(deviceId + ".count");
  }

  @Override
  public synchronized long load(String deviceId) {
    Long pending = dirty.get(deviceId);
    if (pending != null) {
      return pending;
    }
    Path file = file(deviceId);
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII);
      Matcher m = CONTENT.matcher(text);
      if (m.matches()) {
        return Long.parseLong(m.group(1));
      }
      LOG.error("{}: not a pulse count (expected pulses=N); counting from 0", file);
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException | NumberFormatException e) {
      LOG.error("{}: cannot read the pulse count ({}); counting from 0", file, e.toString());
    }
    return 0;
  }

  @Override
  public synchronized void update(String deviceId, long pulses) {
    dirty.put(deviceId, pulses);
  }

  /** Writes every count changed since the last flush; a count that fails stays to retry. */
  void flush() {
    synchronized (writing) {
      flushNow();
    }
  }

  private void flushNow() {
    Map<String, Long> batch;
    synchronized (this) {
      if (dirty.isEmpty()) {
        return;
      }
      batch = new LinkedHashMap<>(dirty);
    }
    boolean wrote = false;
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, Long> e : batch.entrySet()) {
        write(e.getKey(), e.getValue());
        wrote = true;
        synchronized (this) {
          dirty.remove(e.getKey(), e.getValue());
        }
      }
    } catch (IOException e) {
      long now = System.currentTimeMillis();
      if (now - lastFailureLog > 60_000) {
        lastFailureLog = now;
        LOG.warn("Cannot keep pulse counts in {}: {} (retrying)", dir, e.toString());
      }
    }
    if (wrote) {
      syncDirectory();
    }
  }

  private void write(String deviceId, long pulses) throws IOException {
    Path target = file(deviceId);
    Path tmp = dir.resolve(deviceId + ".count.tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer data =
          ByteBuffer.wrap(("pulses=" + pulses + "\n").getBytes(StandardCharsets.US_ASCII));
      while (data.hasRemaining()) {
        ch.write(data);
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Makes the renames durable; not every file system lets a directory be opened for it. */
  private void syncDirectory() {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // the renames are durable at the file system's next commit
    }
  }
}
