package cn.yichang.edge.uplink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A broker that accepts the gateway and drops it right after CONNACK, every time (as one does that
 * refuses BIRTH by its packet limit, an ACL, or trouble of its own): the reconnect intervals, as
 * measured on the listening socket, grow as the backoff says instead of starting over at the
 * minimum after each CONNACK.
 */
class ReconnectBackoffIT {
  private static final long MIN_MS = 100;
  private static final long MAX_MS = 3200;
  private static final int INTERVALS = 8;

  /** Connecting, TLS-free CONNECT and CONNACK, a loaded CI machine. */
  private static final long SLACK_MS = 400;

  @Test
  void intervalsGrowAsTheBackoffSaysWhenEveryConnectionIsDroppedAfterConnack() throws Exception {
    try (DroppingBroker broker = new DroppingBroker()) {
      TestConfig config = new TestConfig();
      config.url = "tcp://127.0.0.1:" + broker.port();
      config.allowPlaintext = true;
      config.protocol = "mqtt3";
      config.account = "yichang";
      config.clientId = "gw-backoff";
      config.reconnectMinMs = MIN_MS;
      config.reconnectMaxMs = MAX_MS;
      config.connectTimeoutS = 5;
      try (Gateway gateway = new Gateway(config).start()) {
        await().atMost(Duration.ofSeconds(40)).until(() -> broker.acceptedAt().size() > INTERVALS);
      }
      List<Long> at = broker.acceptedAt();
      List<Long> intervals = new ArrayList<>();
      for (int i = 1; i <= INTERVALS; i++) {
        intervals.add((at.get(i) - at.get(i - 1)) / 1_000_000);
      }
      System.out.printf("reconnect intervals after CONNACK-then-drop (ms): %s%n", intervals);
      for (int n = 1; n <= INTERVALS; n++) {
        long ceiling = Math.min(MAX_MS, MIN_MS << n);
        assertThat(intervals.get(n - 1))
            .as("interval %d of %s", n, intervals)
            .isBetween(MIN_MS, ceiling + SLACK_MS);
      }
      // With the backoff started over at each CONNACK every interval would stay below 2 x min
      // (plus slack); the chance that eight intervals drawn as they should all stay there too is
      // below 1e-4.
      assertThat(intervals.subList(3, INTERVALS))
          .as("intervals %s", intervals)
          .anyMatch(ms -> ms > 2 * MIN_MS + SLACK_MS);
    }
  }

  /**
   * Answers each CONNECT with a 3.1.1 CONNACK (accepted) and closes the connection on the client's
   * next packet (its SUBSCRIBE): closing with that packet unread would reset the connection, and a
   * reset can overtake the CONNACK.
   */
  private static final class DroppingBroker implements AutoCloseable {
    private final ServerSocket server;
    private final List<Long> acceptedAt = new CopyOnWriteArrayList<>();
    private final Thread thread;

    DroppingBroker() throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      thread = new Thread(this::serve, "dropping broker");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return server.getLocalPort();
    }

    List<Long> acceptedAt() {
      return List.copyOf(acceptedAt);
    }

    private void serve() {
      while (!server.isClosed()) {
        try (Socket s = server.accept()) {
          acceptedAt.add(System.nanoTime());
          s.setSoTimeout(5000);
          readPacket(s.getInputStream());
          OutputStream out = s.getOutputStream();
          out.write(new byte[] {0x20, 0x02, 0x00, 0x00});
          out.flush();
          readPacket(s.getInputStream());
        } catch (IOException e) {
          // closed, or a client that went away: next one
        }
      }
    }

    /** Reads one MQTT packet: fixed header, remaining length, body. */
    private static void readPacket(InputStream in) throws IOException {
      DataInputStream data = new DataInputStream(in);
      data.readUnsignedByte();
      int length = 0;
      int shift = 0;
      int b;
      do {
        b = data.readUnsignedByte();
        length |= (b & 0x7F) << shift;
        shift += 7;
      } while ((b & 0x80) != 0 && shift < 28);
      data.readNBytes(length);
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
