package cn.yichang.edge.bus;

import cn.yichang.edge.serial.LineSettings;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A serial bus and its scheduler, registered as a service with the property {@value #ID_PROPERTY}.
 */
@ProviderType
public interface Bus {

  String ID_PROPERTY = "bus.id";

  String id();

  LineSettings settings();

  /** Starts polling the device at its interval until the returned handle is closed. */
  Attachment attach(PolledDevice device);

  TransactionCounters counters();

  List<DeviceStatus> devices();

  /**
   * Runs {@code exchange} on the bus's thread as soon as the line is free: before the next
   * scheduled poll, but never twice in a row while a scheduled device is due, so that on-demand
   * work (a remote "read now" or write) cannot starve the polling. The line's silence and the
   * response timeout apply as for polls; the transactions are counted for {@code deviceId} when it
   * is attached.
   *
   * @return completed with the exchange's result, or exceptionally with what it threw; at once with
   *     {@link java.util.concurrent.RejectedExecutionException} when too many are queued;
   *     cancelling it before it has started means it never runs
   */
  <T> CompletableFuture<T> exchange(String deviceId, Exchange<T> exchange);

  /** On-demand work on the line: a few transactions for one device. */
  @FunctionalInterface
  interface Exchange<T> {
    T run(Transactor transactor) throws TransactionException, InterruptedException;
  }

  /** Stops the polling of one device. */
  interface Attachment extends AutoCloseable {
    @Override
    void close();
  }
}
