package cn.yichang.edge.sim.broker;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports that are free at this moment, chosen below the kernel's ephemeral range where it
 * can: a broker stopped for an outage must find its port free again, and no outgoing connection
 * (the gateway reconnecting meanwhile) is ever given a port outside that range.
 */
final class FreePorts {

  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int LOWEST = 10_000;
  private static final int ATTEMPTS = 50;

  private FreePorts() {}

  /** Distinct ports, held open together while chosen so that they differ. */
  static int[] loopback(int count) throws IOException {
    ServerSocket[] sockets = new ServerSocket[count];
    try {
      int[] ports = new int[count];
      int below = belowEphemeral();
      for (int i = 0; i < count; i++) {
        sockets[i] = bind(below);
        ports[i] = sockets[i].getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        if (socket != null) {
          socket.close();
        }
      }
    }
  }

  private static ServerSocket bind(int below) throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (int attempt = 0; below > LOWEST && attempt < ATTEMPTS; attempt++) {
      try {
        return new ServerSocket(ThreadLocalRandom.current().nextInt(LOWEST, below), 1, loopback);
      } catch (BindException taken) {
        // another one
      }
    }
    return new ServerSocket(0, 1, loopback);
  }

  /** The first ephemeral port (32768 on Linux by default), or 0 when it cannot be read. */
  private static int belowEphemeral() {
    try {
      return Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
