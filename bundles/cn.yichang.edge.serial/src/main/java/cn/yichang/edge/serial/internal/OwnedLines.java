package cn.yichang.edge.serial.internal;

import com.fazecast.jSerialComm.SerialPort;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The lines open in the gateway, which their owners (the buses) close when the framework stops.
 *
 * <p>jSerialComm closes every port it opened from a JVM shutdown hook of its own. Shutdown hooks
 * run at the same time, so on SIGTERM that one closed the lines under the bus threads while the
 * launcher's hook was still stopping the framework: reads failed with EBADF, buses reopened their
 * lines, and a write to a port closed that way never returned. The hooks registered with {@link
 * SerialPort#addShutdownHook} run before the library closes its ports: the one registered here
 * waits until the owners have closed their lines, for as long as the launcher waits for the
 * framework to stop.
 */
final class OwnedLines {
  private static final long WAIT_AT_SHUTDOWN_NANOS = TimeUnit.SECONDS.toNanos(4);

  private static final OwnedLines GATEWAY = new OwnedLines(SerialPort::addShutdownHook);

  private final Consumer<Thread> libraryShutdownHooks;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition closed = lock.newCondition();
  private final Set<Object> open = new HashSet<>();
  private boolean hookRegistered;

  /** {@code libraryShutdownHooks}: where the hook that waits goes (jSerialComm's, but in tests). */
  OwnedLines(Consumer<Thread> libraryShutdownHooks) {
    this.libraryShutdownHooks = libraryShutdownHooks;
  }

  /** The gateway's lines; the first one opened makes jSerialComm's shutdown wait for them all. */
  static OwnedLines gateway() {
    return GATEWAY;
  }

  void opened(Object line) {
    lock.lock();
    try {
      open.add(line);
      if (!hookRegistered) {
        libraryShutdownHooks.accept(
            new Thread(() -> awaitAllClosed(WAIT_AT_SHUTDOWN_NANOS), "serial-lines-closed"));
        hookRegistered = true;
      }
    } finally {
      lock.unlock();
    }
  }

  void closed(Object line) {
    lock.lock();
    try {
      open.remove(line);
      closed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Returns once every line opened is closed again, or after the wait. */
  private void awaitAllClosed(long nanos) {
    lock.lock();
    try {
      long left = nanos;
      while (!open.isEmpty() && left > 0) {
        left = closed.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }
}
