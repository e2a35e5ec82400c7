package cn.yichang.edge.sim;

import cn.yichang.edge.serial.LineSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Simulated Modbus RTU slaves sharing one serial line (one end of a pty pair), answering as they
 * would on a real RS-485 line: with {@link Timing#WIRE} no reply leaves before the request and the
 * reply could have crossed the wire at the line's baud rate plus the unit's turnaround, and
 * requests that arrive before the line is silent again are counted. Broadcasts (unit 0) are applied
 * to every unit without a reply; requests to units it does not serve get no reply.
 */
public final class PacedRtuSlave implements AutoCloseable {

  private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** Put in the chunk queue to wake the serving thread when noise is waiting to be written. */
  private static final TimedChunk WAKE = new TimedChunk(new byte[0], 0);

  private final LineSettings line;
  private final Map<Integer, SimulatedUnit> units;
  // two channels, because a FileChannel serialises read and write on one position lock: a reply
  // would wait until the next request unblocked the reader
  private final FileChannel input;
  private final FileChannel output;
  private final BlockingQueue<TimedChunk> chunks = new LinkedBlockingQueue<>();
  private final RequestAssembler assembler;
  private final WireClock clock;
  private final Timing timing;
  private final PtyReader reader;
  private final Thread readerThread;
  private final Thread servingThread;
  private volatile boolean running = true;

  private final LineCounters counters = new LineCounters();
  private final LineNoise noise = new LineNoise();

  private PacedRtuSlave(
      LineSettings line,
      Collection<SimulatedUnit> units,
      Timing timing,
      FileChannel input,
      FileChannel output) {
    this.line = line;
    Map<Integer, SimulatedUnit> byAddress = new TreeMap<>();
    for (SimulatedUnit unit : units) {
      if (byAddress.put(unit.address(), unit) != null) {
        throw new IllegalArgumentException("two units with address " + unit.address());
      }
    }
    this.units = Collections.unmodifiableMap(byAddress);
    this.input = input;
    this.output = output;
    this.assembler = new RequestAssembler(line.silenceNanos());
    this.clock = new WireClock(line, timing);
    this.timing = timing;
    this.reader = new PtyReader(input, chunks);
    this.readerThread = new Thread(reader, "sim-read-" + line.port());
    this.servingThread = new Thread(this::serve, "sim-serve-" + line.port());
    readerThread.setDaemon(true);
    servingThread.setDaemon(true);
    // the serving thread's wake-up latency is part of every reply delay: keep it prompt
    servingThread.setPriority(Thread.MAX_PRIORITY);
  }

  /**
   * Opens {@code line.port()} (one end of a pty pair, already in raw mode) and serves the units on
   * it until {@link #close()}.
   */
  public static PacedRtuSlave start(
      LineSettings line, Timing timing, Collection<SimulatedUnit> units) throws IOException {
    Path port = Path.of(line.port());
    FileChannel input = FileChannel.open(port, StandardOpenOption.READ);
    FileChannel output;
    try {
      output = FileChannel.open(port, StandardOpenOption.WRITE);
    } catch (IOException e) {
      input.close();
      throw e;
    }
    PacedRtuSlave slave = new PacedRtuSlave(line, units, timing, input, output);
    slave.readerThread.start();
    slave.servingThread.start();
    return slave;
  }

  public static PacedRtuSlave start(LineSettings line, Timing timing, SimulatedUnit... units)
      throws IOException {
    return start(line, timing, List.of(units));
  }

  public LineSettings line() {
    return line;
  }

  /** The unit with that address, to change its registers or fault while serving. */
  public SimulatedUnit unit(int address) {
    SimulatedUnit unit = units.get(address);
    if (unit == null) {
      throw new IllegalArgumentException("no unit " + address + " on " + line.port());
    }
    return unit;
  }

  public Collection<SimulatedUnit> units() {
    return units.values();
  }

  public LineStatistics statistics() {
    return counters.snapshot(units.values());
  }

  /**
   * Puts {@code bytes} random bytes on the line towards the master, as interference on a real bus
   * would: written by the serving thread at the next moment the line is idle (no request being
   * received, the last frame followed by its 3.5-character silence), so the master sees stray bytes
   * or a corrupt frame rather than a damaged reply. Returns at once; counted in {@link
   * LineStatistics#noiseBytes()} once written.
   */
  public void injectNoise(int bytes) {
    injectNoise(noise.random(bytes));
  }

  /** Like {@link #injectNoise(int)}, with the given bytes (for tests and scripted scenarios). */
  public void injectNoise(byte[] bytes) {
    noise.add(bytes);
    chunks.add(WAKE);
  }

  /** True while the pty is open and readable. */
  public boolean isServing() {
    return running && readerThread.isAlive() && servingThread.isAlive();
  }

  /** Why reading the pty stopped, if it stopped on an error rather than by {@link #close()}. */
  public Optional<IOException> readFailure() {
    return Optional.ofNullable(reader.failure());
  }

  @Override
  public void close() {
    running = false;
    try (output) {
      input.close(); // unblocks the reader's read
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      servingThread.interrupt();
      join(readerThread);
      join(servingThread);
    }
  }

  private void serve() {
    try {
      while (running && (readerThread.isAlive() || !chunks.isEmpty())) {
        OptionalLong gapDeadline = assembler.gapDeadline();
        long wait =
            gapDeadline.isPresent() ? gapDeadline.getAsLong() - System.nanoTime() : IDLE_POLL_NANOS;
        TimedChunk chunk = chunks.poll(Math.max(wait, 0), TimeUnit.NANOSECONDS);
        List<ReceivedFrame> frames =
            chunk != null && chunk != WAKE
                ? assembler.accept(chunk)
                : assembler.gapElapsed(System.nanoTime());
        counters.receiveErrors(assembler);
        for (ReceivedFrame frame : frames) {
          answer(frame);
        }
        if (!noise.isEmpty() && assembler.gapDeadline().isEmpty()) {
          noise.writePending(output, clock, counters);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      if (running) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void answer(ReceivedFrame frame) throws IOException {
    counters.requests.incrementAndGet();
    WireClock.Arrival arrival = clock.requestArrived(frame.firstByteNanos(), frame.bytes().length);
    if (arrival.early()) {
      counters.early.incrementAndGet();
    }
    counters.idleBeforeRequest(arrival.idleNanos());
    if (frame.unit() == 0) {
      counters.broadcasts.incrementAndGet();
      units.values().forEach(unit -> RequestProcessor.handle(unit.registers(), frame.pdu()));
      return;
    }
    SimulatedUnit unit = units.get(frame.unit());
    if (unit == null) {
      counters.unknownUnit.incrementAndGet();
      return;
    }
    unit.countRequest();
    Fault fault = unit.fault();
    if (fault.kind() == Fault.Kind.SILENT) {
      return;
    }
    byte[] pdu =
        fault.kind() == Fault.Kind.EXCEPTION
            ? RequestProcessor.exception(frame.pdu()[0], fault.exceptionCode())
            : RequestProcessor.handle(unit.registers(), frame.pdu());
    byte[] reply = withUnit(frame.unit(), pdu, fault.kind() == Fault.Kind.CORRUPT_CRC);
    Duration extra = fault.kind() == Fault.Kind.SLOW ? fault.extraDelay() : Duration.ZERO;
    long due =
        clock.replyDueNanos(arrival.requestEndNanos(), unit.turnaround(), extra, reply.length);
    WireClock.parkUntil(due);
    if (!running) {
      return;
    }
    long writtenAt = System.nanoTime();
    if (timing == Timing.WIRE) {
      counters.replyLate(writtenAt - due);
    }
    ByteBuffer out = ByteBuffer.wrap(reply);
    while (out.hasRemaining()) {
      output.write(out);
    }
    clock.replyWrittenAt(writtenAt);
    unit.countReply(RequestProcessor.isException(pdu));
    counters.replies.incrementAndGet();
  }

  private static byte[] withUnit(int unit, byte[] pdu, boolean corruptCrc) {
    byte[] body = new byte[pdu.length + 1];
    body[0] = (byte) unit;
    System.arraycopy(pdu, 0, body, 1, pdu.length);
    byte[] frame = RtuFrames.withCrc(body);
    if (corruptCrc) {
      frame[frame.length - 1] ^= (byte) 0x5A;
    }
    return frame;
  }

  private static void join(Thread thread) {
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
