package cn.yichang.edge.bench;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.SerialLine;
import cn.yichang.edge.serial.internal.JSerialCommLineFactory;
import cn.yichang.edge.sim.SocatPtyPair;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Where the time of a transaction goes outside the wire model, measured piece by piece on a socat
 * pty pair like the benchmark's: the delivery of a request from the gateway's jSerialComm line to a
 * reading thread on the device end (as the simulator reads it), the delivery of a reply back to a
 * jSerialComm read that has been waiting (as the gateway waits during the turnaround), and how late
 * a timed park wakes up (as the gateway waits out the silence and the simulator its reply).
 *
 * <p>{@code java -cp <bench jar> cn.yichang.edge.bench.PtyLatencyProbe [samples] [idle-ms]}
 */
public final class PtyLatencyProbe {

  private PtyLatencyProbe() {}

  public static void main(String[] args) throws Exception {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    long idleNanos = (args.length > 1 ? Long.parseLong(args[1]) : 20) * 1_000_000L;
    System.out.printf(
        Locale.ROOT,
        "pty latency probe: %d samples, %d ms idle before each, load %s%n",
        samples,
        idleNanos / 1_000_000,
        BenchReport.loadAverage());
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "sanxia-bus-bench");
    for (boolean jSerialComm : new boolean[] {true, false}) {
      try (SocatPtyPair pair = SocatPtyPair.start(dir, "ttyProbeGW", "ttyProbeDEV")) {
        LineSettings settings = BusBench.line(pair.masterEnd(), 115200);
        SerialLine master =
            jSerialComm
                ? new JSerialCommLineFactory().open(settings)
                : new ChannelLine(settings, pair.masterEnd());
        System.out.println(
            jSerialComm
                ? "master end through jSerialComm (as the gateway):"
                : "master end through a blocking FileChannel (for comparison):");
        try (FileChannel in = FileChannel.open(pair.deviceEnd(), StandardOpenOption.READ);
            FileChannel out = FileChannel.open(pair.deviceEnd(), StandardOpenOption.WRITE)) {
          probe(master, in, out, samples, idleNanos);
          if (jSerialComm) {
            timeouts(master);
          }
        } finally {
          master.close();
        }
      }
    }
    parks(samples, new long[] {1_750_000, 3_645_000, 20_000_000});
  }

  /**
   * A device-end thread answers each request like the simulator: it stamps the request when its
   * read returns, parks until the stamp plus {@code idleNanos} and writes the reply, which the
   * master meanwhile waits for in a jSerialComm read.
   */
  private static void probe(
      SerialLine master, FileChannel in, FileChannel out, int samples, long idleNanos)
      throws IOException, InterruptedException {
    byte[] frame = {1, 3, 0, 0, 0, 3, 5, (byte) 0xCB};
    AtomicLongArray arrived = new AtomicLongArray(samples);
    AtomicLongArray written = new AtomicLongArray(samples);
    Thread device =
        new Thread(
            () -> {
              ByteBuffer buffer = ByteBuffer.allocate(64);
              try {
                for (int i = 0; i < samples; i++) {
                  int got = 0;
                  long at = 0;
                  while (got < frame.length) {
                    buffer.clear();
                    got += in.read(buffer);
                    at = System.nanoTime();
                  }
                  arrived.set(i, at);
                  park(at + idleNanos);
                  written.set(i, System.nanoTime());
                  out.write(ByteBuffer.wrap(frame));
                }
              } catch (IOException e) {
                // the channel was closed: the probe is over
              }
            },
            "probe-device");
    device.setDaemon(true);
    device.start();
    long[] request = new long[samples];
    long[] reply = new long[samples];
    byte[] back = new byte[frame.length];
    for (int i = 0; i < samples; i++) {
      long sent = System.nanoTime();
      master.write(frame);
      int got = 0;
      long lastByte = 0;
      while (got < frame.length) {
        int n = master.read(back, got, frame.length - got, 500_000_000L);
        if (n == 0) {
          throw new IOException("no reply to probe " + i);
        }
        got += n;
        lastByte = System.nanoTime();
      }
      request[i] = arrived.get(i) - sent;
      reply[i] = lastByte - written.get(i);
      park(System.nanoTime() + 1_000_000); // a silence before the next request
    }
    device.join(1000);
    print("request: master write -> device-end read returns", request);
    print("reply: device-end write -> master read returns", reply);
  }

  /**
   * How long a read with nothing to read takes for a given timeout: jSerialComm's semi-blocking
   * timeout becomes the tty's VTIME, in tenths of a second.
   */
  private static void timeouts(SerialLine master) throws IOException {
    byte[] buffer = new byte[8];
    for (long millis : new long[] {5, 50, 99, 100, 150, 250}) {
      int calls = 0;
      long start = System.nanoTime();
      long deadline = start + millis * 1_000_000L;
      long first = -1;
      long remaining;
      while ((remaining = deadline - System.nanoTime()) > 0) {
        master.read(buffer, 0, buffer.length, remaining);
        calls++;
        if (first < 0) {
          first = System.nanoTime() - start;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "  read with a %3d ms timeout on a quiet line: first call returns after %6.1f ms;"
              + " %5d calls until the deadline%n",
          millis,
          first / 1e6,
          calls);
    }
  }

  private static void parks(int samples, long[] waits) {
    for (long wait : waits) {
      long[] late = new long[samples];
      for (int i = 0; i < samples; i++) {
        long deadline = System.nanoTime() + wait;
        park(deadline);
        late[i] = System.nanoTime() - deadline;
      }
      print(
          String.format(Locale.ROOT, "parkNanos loop of %.2f ms: wakes late by", wait / 1e6), late);
    }
  }

  private static void park(long deadline) {
    long remaining;
    while ((remaining = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(remaining);
    }
  }

  private static void print(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0);
    System.out.printf(
        Locale.ROOT,
        "  %-58s mean %6.0f us  median %6d us  p90 %6d us  p99 %6d us%n",
        what,
        mean / 1000,
        sorted[sorted.length / 2] / 1000,
        sorted[sorted.length * 9 / 10] / 1000,
        sorted[Math.min(sorted.length - 1, sorted.length * 99 / 100)] / 1000);
  }

  /** A pty end read and written with plain blocking channels; the timeout is not honoured. */
  private static final class ChannelLine implements SerialLine {
    private final LineSettings settings;
    private final FileChannel in;
    private final FileChannel out;

    ChannelLine(LineSettings settings, Path port) throws IOException {
      this.settings = settings;
      this.in = FileChannel.open(port, StandardOpenOption.READ);
      this.out = FileChannel.open(port, StandardOpenOption.WRITE);
    }

    @Override
    public LineSettings settings() {
      return settings;
    }

    @Override
    public void write(byte[] data) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(data);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int len, long timeoutNanos) throws IOException {
      return Math.max(0, in.read(ByteBuffer.wrap(buffer, offset, len)));
    }

    @Override
    public void discardInput() {}

    @Override
    public void close() {
      try (out) {
        in.close();
      } catch (IOException e) {
        // closing a probe's pty end: nothing to do
      }
    }
  }
}
