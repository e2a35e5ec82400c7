package cn.yichang.edge.launcher;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * sd_notify(3) for a systemd {@code Type=notify} service with a watchdog: {@code READY=1} once the
 * bundles are started, {@code WATCHDOG=1} every half {@code WATCHDOG_USEC} while the gateway is
 * healthy, {@code STOPPING=1} on a stop.
 *
 * <p>The protocol is a datagram on the Unix socket named by {@code NOTIFY_SOCKET}. Java 17 has
 * Unix-domain stream sockets only, so the datagram goes through libc via JNA ({@code socket},
 * {@code sendto}). A {@code systemd-notify} child process would be simpler but is unreliable: the
 * message can arrive after the short-lived child has exited, when systemd can no longer tell which
 * service sent it (systemd 252 drops it). JNA is loaded only when {@code NOTIFY_SOCKET} is set, so
 * a gateway started by hand pays nothing.
 */
final class SystemdNotifier {

  private static final int AF_UNIX = 1;
  private static final int SOCK_DGRAM = 2;
  private static final int SOCK_CLOEXEC = 0x80000;
  private static final int SUN_PATH = 108;

  private final byte[] address;
  private final long watchdogMicros;
  private final Object stopping = new Object();
  private boolean stopped;

  private SystemdNotifier(byte[] address, long watchdogMicros) {
    this.address = address;
    this.watchdogMicros = watchdogMicros;
  }

  /** The notifier systemd asked for, if any; a watchdog interval of 0 means none. */
  static Optional<SystemdNotifier> fromEnvironment(Map<String, String> env, long pid) {
    String socket = env.get("NOTIFY_SOCKET");
    if (socket == null || socket.isEmpty()) {
      return Optional.empty();
    }
    long watchdog = 0;
    String watchdogPid = env.get("WATCHDOG_PID");
    if (watchdogPid == null || watchdogPid.equals(Long.toString(pid))) {
      try {
        watchdog = Long.parseLong(env.getOrDefault("WATCHDOG_USEC", "0"));
      } catch (NumberFormatException e) {
        watchdog = 0;
      }
    }
    return Optional.of(new SystemdNotifier(sockaddr(socket), watchdog));
  }

  /**
   * struct sockaddr_un: the family in native byte order, then the path; a name starting with '@' is
   * in the abstract namespace (a leading NUL, no terminating one).
   */
  static byte[] sockaddr(String socket) {
    byte[] path = socket.getBytes(StandardCharsets.UTF_8);
    boolean abstractName = socket.startsWith("@");
    if (path.length >= SUN_PATH) {
      throw new IllegalArgumentException("NOTIFY_SOCKET is too long: " + socket);
    }
    ByteBuffer b = ByteBuffer.allocate(2 + path.length + (abstractName ? 0 : 1));
    b.order(ByteOrder.nativeOrder()).putShort((short) AF_UNIX);
    b.put(path);
    if (abstractName) {
      b.put(2, (byte) 0);
    }
    return b.array();
  }

  long watchdogMicros() {
    return watchdogMicros;
  }

  /** Sends one notification ({@code READY=1}, ...); false when it could not be sent. */
  boolean notify(String state) {
    LibC libc = LibC.INSTANCE;
    int fd = libc.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
      return false;
    }
    try {
      byte[] message = state.getBytes(StandardCharsets.UTF_8);
      NativeLong sent =
          libc.sendto(fd, message, new NativeLong(message.length), 0, address, address.length);
      return sent.longValue() == message.length;
    } finally {
      libc.close(fd);
    }
  }

  /**
   * Sends {@code STOPPING=1}; the watchdog sends nothing after it (it is sent before the framework
   * stops, while the watchdog would still see the framework active).
   */
  void notifyStopping() {
    synchronized (stopping) {
      stopped = true;
      notify("STOPPING=1");
    }
  }

  /**
   * Pets the watchdog every half interval while {@code healthy} says so; a gateway whose framework
   * stopped or whose JVM no longer schedules this thread (a deadlock, a heap in GC thrash) is then
   * restarted by systemd.
   */
  void startWatchdog(BooleanSupplier healthy) {
    if (watchdogMicros <= 0) {
      return;
    }
    long periodMillis = Math.max(1, watchdogMicros / 2000);
    Thread pet =
        new Thread(
            () -> {
              try {
                while (true) {
                  synchronized (stopping) {
                    if (!stopped && healthy.getAsBoolean()) {
                      notify("WATCHDOG=1");
                    }
                  }
                  Thread.sleep(periodMillis); // a period, not a synchronisation
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "sanxia-edge-watchdog");
    pet.setDaemon(true);
    pet.start();
  }

  /** The three libc calls, bound by JNA. */
  interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int socket(int domain, int type, int protocol);

    NativeLong sendto(
        int fd, byte[] message, NativeLong length, int flags, byte[] address, int addressLength);

    int close(int fd);
  }
}
