package cn.yichang.edge.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ceiling on the sequence numbers the store may use, kept in a small file beside the database
 * ({@code buffer.db.seq}) and raised a block at a time, before any number above it is committed.
 *
 * <p>The database alone cannot keep {@code edge.seq} increasing when it is deleted, or damaged
 * beyond reading at start on a gateway whose clock is not set: a new file would begin at 1 (or at a
 * clock in 1970) and the platform would take new readings for duplicates. A new file begins at this
 * ceiling instead: a gap, never a duplicate. One block per {@value #BLOCK} messages costs one extra
 * fsync per block, nothing per group.
 */
final class SeqReservation {
  private static final Logger LOG = LoggerFactory.getLogger("cn.yichang.edge.store");

  static final long BLOCK = 100_000;

  private final Path file;
  private long ceiling; // 0: none written or readable

  private SeqReservation(Path file, long ceiling) {
    this.file = file;
    this.ceiling = ceiling;
  }

  /** The reservation of the database at {@code database}; an unreadable file counts as none. */
  static SeqReservation beside(Path database) {
    Path file = database.resolveSibling(database.getFileName() + ".seq");
    return new SeqReservation(file, read(file).orElse(0));
  }

  Path file() {
    return file;
  }

  /** Every number below this may have been used; 0 when nothing is known. */
  long ceiling() {
    return ceiling;
  }

  /**
   * Makes sure the numbers below {@code nextSeq} are reserved, raising the ceiling durably when
   * they are not.
   *
   * @throws IOException when the ceiling cannot be raised: the caller must not commit numbers above
   *     the current ceiling then
   */
  void reserveBelow(long nextSeq) throws IOException {
    if (nextSeq <= ceiling) {
      return;
    }
    long raised = nextSeq + BLOCK;
    write(raised);
    ceiling = raised;
  }

  private void write(long value) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap((value + "\n").getBytes(StandardCharsets.US_ASCII)));
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    syncDirectory(file.toAbsolutePath().getParent());
  }

  private static void syncDirectory(Path dir) {
    if (dir == null) {
      return;
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems do not sync directories; the rename is then as durable as they make it.
    }
  }

  private static OptionalLong read(Path file) {
    if (!Files.exists(file)) {
      return OptionalLong.empty();
    }
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
      long value = Long.parseLong(text);
      if (value > 0) {
        return OptionalLong.of(value);
      }
      LOG.warn("Store: {} holds {}, not a sequence ceiling; ignored", file, text);
    } catch (IOException | NumberFormatException e) {
      LOG.warn("Store: cannot read the sequence ceiling {}; ignored: {}", file, e.toString());
    }
    return OptionalLong.empty();
  }
}
