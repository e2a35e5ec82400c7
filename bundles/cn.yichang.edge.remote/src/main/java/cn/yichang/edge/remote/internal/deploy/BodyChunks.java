package cn.yichang.edge.remote.internal.deploy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body taken chunk by chunk, each with a deadline: the JDK HTTP client bounds the wait
 * for the headers only, and the body stream it offers would block for ever on a server that stops
 * sending; neither an interrupt nor a close wakes that stream's reader.
 */
final class BodyChunks implements Flow.Subscriber<List<ByteBuffer>> {
  /** Thrown when no chunk came within the wait. */
  static final class Stalled extends IOException {
    Stalled() {
      super("stalled");
    }
  }

  private static final Object END = new Object();

  private final LinkedBlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
  private Flow.Subscription subscription;
  private boolean cancelled;

  @Override
  public void onSubscribe(Flow.Subscription s) {
    synchronized (this) {
      subscription = s;
      if (cancelled) {
        s.cancel();
        return;
      }
    }
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> chunk) {
    arrived.add(chunk);
  }

  @Override
  public void onError(Throwable failure) {
    arrived.add(failure);
  }

  @Override
  public void onComplete() {
    arrived.add(END);
  }

  /**
   * The next chunk's buffers, or {@code null} at the end of the body.
   *
   * @throws Stalled when nothing came within {@code wait}; the transfer is cancelled
   * @throws IOException the transfer failed
   */
  @SuppressWarnings("unchecked")
  List<ByteBuffer> next(Duration wait) throws IOException, InterruptedException {
    Object item = arrived.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (item == null) {
      cancel();
      throw new Stalled();
    }
    if (item == END) {
      return null;
    }
    if (item instanceof Throwable failure) {
      throw failure instanceof IOException io ? io : new IOException(failure);
    }
    synchronized (this) {
      subscription.request(1);
    }
    return (List<ByteBuffer>) item;
  }

  /** Stops the transfer, also before it began: the connection is given up. */
  synchronized void cancel() {
    cancelled = true;
    if (subscription != null) {
      subscription.cancel();
    }
  }
}
