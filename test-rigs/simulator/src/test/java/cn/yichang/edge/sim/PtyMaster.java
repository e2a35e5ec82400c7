package cn.yichang.edge.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bare test master on the other end of the pty: writes frames, reads replies with a deadline. */
final class PtyMaster implements AutoCloseable {

  /** A reply and the {@link System#nanoTime()} its last byte arrived. */
  record Reply(byte[] bytes, long lastByteNanos) {}

  private final FileChannel input;
  private final FileChannel output;
  private final BlockingQueue<TimedChunk> chunks = new LinkedBlockingQueue<>();
  private final Thread reader;

  PtyMaster(Path port) throws IOException {
    input = FileChannel.open(port, StandardOpenOption.READ);
    output = FileChannel.open(port, StandardOpenOption.WRITE);
    reader = new Thread(new PtyReader(input, chunks), "test-master-read");
    reader.setDaemon(true);
    reader.start();
  }

  /** Writes the frame whole; returns the nanoTime just before the write. */
  long send(byte[] frame) throws IOException {
    long before = System.nanoTime();
    ByteBuffer out = ByteBuffer.wrap(frame);
    while (out.hasRemaining()) {
      output.write(out);
    }
    return before;
  }

  /** Reads {@code length} bytes, or returns what came (possibly nothing) when time is up. */
  Optional<Reply> receive(int length, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    long last = 0;
    while (received.size() < length) {
      TimedChunk chunk = chunks.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (chunk == null) {
        break;
      }
      received.writeBytes(chunk.bytes());
      last = chunk.arrivalNanos();
    }
    return received.size() == 0
        ? Optional.empty()
        : Optional.of(new Reply(received.toByteArray(), last));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try (output) {
      input.close();
    }
    reader.join(5_000);
  }
}
