package cn.yichang.edge.sim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;

/**
 * Reads the pty on its own thread and stamps each chunk with its arrival time. The stamp must be
 * taken here, not when the slave gets round to the bytes: while the slave waits to send a reply, a
 * request that arrives too early must still be seen as early.
 */
final class PtyReader implements Runnable {

  private final FileChannel channel;
  private final BlockingQueue<TimedChunk> chunks;
  private volatile IOException failure;

  PtyReader(FileChannel channel, BlockingQueue<TimedChunk> chunks) {
    this.channel = channel;
    this.chunks = chunks;
  }

  @Override
  public void run() {
    ByteBuffer buffer = ByteBuffer.allocate(512);
    try {
      while (true) {
        buffer.clear();
        int read = channel.read(buffer);
        long arrival = System.nanoTime();
        if (read < 0) {
          return; // the other end of the pty pair went away
        }
        if (read > 0) {
          chunks.put(new TimedChunk(Arrays.copyOf(buffer.array(), read), arrival));
        }
      }
    } catch (ClosedChannelException closed) {
      // closed by PacedRtuSlave.close(): the normal way to stop
    } catch (IOException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Why reading stopped, if it stopped on an error. */
  IOException failure() {
    return failure;
  }
}
