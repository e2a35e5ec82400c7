package cn.yichang.edge.sim.serial;

import cn.yichang.edge.profile.AsciiLineSpec;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.FramedSpec;
import cn.yichang.edge.serial.LineSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One simulated ascii-line or framed device on one end of a pty pair: a receiver that streams
 * (every {@code period}), or a device that answers its poll after a turnaround and the wire time of
 * its answer. Values move with simulated time ({@code speed} times real time).
 *
 * <pre>{@code
 * try (SerialDeviceSim gnss = SerialDeviceSim.start(line, profile, seed, 60, Duration.ofSeconds(1))) {
 *   gnss.expected();   // {latitude=30.6960, ...}: the last message, as the gateway must decode it
 * }
 * }</pre>
 */
public final class SerialDeviceSim implements AutoCloseable {

  static final Duration TURNAROUND = Duration.ofMillis(5);

  private final LineSettings line;
  private final Behaviour behaviour;
  private final FileChannel input;
  private final FileChannel output;
  private final double speed;
  private final long periodNanos;
  private final Thread thread;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong messages = new AtomicLong();
  private volatile boolean running = true;
  private volatile boolean silent;

  private SerialDeviceSim(
      LineSettings line,
      Behaviour behaviour,
      FileChannel input,
      FileChannel output,
      double speed,
      Duration period) {
    this.line = line;
    this.behaviour = behaviour;
    this.input = input;
    this.output = output;
    this.speed = speed;
    this.periodNanos = period.toNanos();
    this.thread =
        new Thread(behaviour.streams() ? this::stream : this::answer, "sim-serial-" + line.port());
    this.thread.setDaemon(true);
  }

  /** Whether the simulator can serve the profile. */
  public static boolean serves(DeviceProfile profile) {
    return profile.spec() instanceof FramedSpec
        || "elderly-care/gnss-nmea".equals(profile.id())
        || "agriculture/weather-ascii".equals(profile.id());
  }

  /**
   * @param period how often a streaming device sends (real time)
   * @throws IllegalArgumentException for a profile the simulator cannot serve
   */
  public static SerialDeviceSim start(
      LineSettings line, DeviceProfile profile, long seed, double speed, Duration period)
      throws IOException {
    Behaviour behaviour;
    if (profile.spec() instanceof FramedSpec framed) {
      behaviour = new FramedBehaviour(framed, seed);
    } else if ("elderly-care/gnss-nmea".equals(profile.id())) {
      behaviour = new NmeaBehaviour(profile.spec(AsciiLineSpec.class), seed);
    } else if ("agriculture/weather-ascii".equals(profile.id())) {
      behaviour = new WeatherBehaviour(profile.spec(AsciiLineSpec.class), seed);
    } else {
      throw new IllegalArgumentException("no simulated device for profile " + profile.id());
    }
    Path port = Path.of(line.port());
    FileChannel in = FileChannel.open(port, StandardOpenOption.READ);
    FileChannel out;
    try {
      out = FileChannel.open(port, StandardOpenOption.WRITE);
    } catch (IOException e) {
      in.close();
      throw e;
    }
    SerialDeviceSim sim = new SerialDeviceSim(line, behaviour, in, out, speed, period);
    sim.thread.start();
    return sim;
  }

  /** The values of the last message sent, as the gateway must decode them. */
  public Map<String, Object> expected() {
    return behaviour.expected();
  }

  public long requests() {
    return requests.get();
  }

  /** Lines or frames sent. */
  public long messages() {
    return messages.get();
  }

  /** A silent device sends nothing and answers nothing (unplugged). */
  public void silent(boolean silent) {
    this.silent = silent;
  }

  public LineSettings line() {
    return line;
  }

  public boolean isServing() {
    return thread.isAlive();
  }

  /** Puts {@code bytes} random bytes on the line towards the gateway, as interference would. */
  public void injectNoise(int bytes) throws IOException {
    byte[] noise = new byte[bytes];
    java.util.concurrent.ThreadLocalRandom.current().nextBytes(noise);
    synchronized (output) {
      write(noise);
    }
  }

  private void stream() {
    long next = System.nanoTime();
    try {
      while (running) {
        behaviour.advance(periodNanos / 1e9 * speed);
        if (!silent) {
          write(behaviour.burst());
          messages.incrementAndGet();
        }
        next += periodNanos;
        sleepUntil(next);
      }
    } catch (IOException e) {
      // the pty went away: stop
    }
  }

  private void answer() {
    ByteBuffer buffer = ByteBuffer.allocate(1024);
    byte[][] answer = new byte[1][];
    long last = System.nanoTime();
    try {
      while (running) {
        int n = input.read(buffer);
        if (n < 0) {
          return;
        }
        long now = System.nanoTime();
        behaviour.advance((now - last) / 1e9 * speed);
        last = now;
        int taken;
        while (buffer.position() > 0
            && (taken = behaviour.request(buffer.array(), buffer.position(), answer)) > 0) {
          int rest = buffer.position() - taken;
          System.arraycopy(buffer.array(), taken, buffer.array(), 0, rest);
          buffer.position(rest);
          byte[] reply = answer[0];
          answer[0] = null;
          if (reply == null) {
            continue;
          }
          requests.incrementAndGet();
          if (!silent) {
            sleepUntil(now + TURNAROUND.toNanos() + line.wireNanos(reply.length));
            write(reply);
            messages.incrementAndGet();
          }
        }
        if (!buffer.hasRemaining()) {
          buffer.clear();
        }
      }
    } catch (ClosedChannelException e) {
      // closed by close()
    } catch (IOException e) {
      // the pty went away: stop
    }
  }

  private void write(byte[] bytes) throws IOException {
    synchronized (output) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        output.write(b);
      }
    }
  }

  private void sleepUntil(long deadline) {
    long left;
    while (running && (left = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      input.close();
      output.close();
      thread.join(TimeUnit.SECONDS.toMillis(2));
    } catch (IOException e) {
      // closing anyway
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
