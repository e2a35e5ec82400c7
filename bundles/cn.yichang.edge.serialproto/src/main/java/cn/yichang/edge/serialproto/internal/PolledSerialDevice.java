package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.bus.CorruptFrameException;
import cn.yichang.edge.bus.DeviceRejectedException;
import cn.yichang.edge.bus.PolledDevice;
import cn.yichang.edge.bus.ResponseTimeoutException;
import cn.yichang.edge.bus.TransactionException;
import cn.yichang.edge.bus.Transactor;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingPublisher;
import cn.yichang.edge.reading.ReadingSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device that answers a request with a line or a frame, polled by its bus: sends the request,
 * reads until the parser has a message the profile describes, and publishes one reading set per
 * poll. The bus's response timeout bounds the first byte; the profile's {@code timeout} the whole
 * answer; lines or frames of other kinds before the answer (an echo, an unsolicited report) are
 * skipped, at most four times the parser's capacity of them.
 */
final class PolledSerialDevice implements PolledDevice {

  private static final Logger LOG = LoggerFactory.getLogger(PolledSerialDevice.class);

  private final String id;
  private final Duration interval;
  private final byte[] request;
  private final long answerNanos;
  private final MessageParser parser;
  private final ReadingPublisher publisher;
  private final Clock clock;

  PolledSerialDevice(
      String id,
      Duration interval,
      byte[] request,
      Duration answerTimeout,
      MessageParser parser,
      ReadingPublisher publisher,
      Clock clock) {
    this.id = id;
    this.interval = interval;
    this.request = request.clone();
    this.answerNanos = answerTimeout.toNanos();
    this.parser = parser;
    this.publisher = publisher;
    this.clock = clock;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Duration pollInterval() {
    return interval;
  }

  @Override
  public boolean poll(Transactor transactor) throws InterruptedException {
    Outcome outcome = read(transactor);
    try {
      publisher.publish(outcome.set());
    } catch (RuntimeException e) {
      LOG.warn("{}: publishing the readings failed", id, e);
    }
    return outcome.answered();
  }

  /** One poll's readings, and whether the device answered at all. */
  record Outcome(ReadingSet set, boolean answered) {}

  /** Sends the request and reads the answer, without publishing: a poll, or a remote read. */
  Outcome read(Transactor transactor) throws InterruptedException {
    Instant acquired = clock.instant();
    Answer answer = new Answer();
    parser.reset();
    List<PointReading> readings;
    boolean answered;
    try {
      transactor.transact(request, in -> read(in, answer));
      readings = Readings.inProfileOrder(parser.fields(), answer.readings, "not in the answer");
      answered = true;
    } catch (TransactionException e) {
      if (e instanceof CorruptFrameException) {
        LOG.debug("{}: {}", id, e.getMessage());
      }
      readings = parser.fields().allFailed(e.reason());
      answered = e instanceof DeviceRejectedException;
    }
    return new Outcome(new ReadingSet(id, acquired, readings), answered);
  }

  private byte[] read(Transactor.FrameInput in, Answer answer) throws TransactionException {
    long deadline = Long.MAX_VALUE;
    int total = 0;
    int limit = 4 * parser.capacity();
    while (true) {
      byte[] some = in.readSome(parser.capacity());
      if (total == 0) {
        deadline = System.nanoTime() + answerNanos;
      }
      total += some.length;
      parser.feed(some, 0, some.length, answer);
      if (answer.readings != null) {
        return some;
      }
      if (answer.reason != null) {
        throw new CorruptFrameException(answer.reason, id + ": " + answer.detail);
      }
      if (total > limit) {
        throw new CorruptFrameException(
            "no answer", id + ": no answer of the profile's kind in " + total + " bytes");
      }
      if (System.nanoTime() - deadline > 0) {
        throw new ResponseTimeoutException(
            id + ": answer incomplete after " + answerNanos / 1_000_000 + " ms");
      }
    }
  }

  /** The first message of the answer, or the first reason it was not one. */
  private static final class Answer implements MessageParser.Listener {
    List<PointReading> readings;
    String reason;
    String detail;

    @Override
    public void message(List<PointReading> r) {
      if (readings == null) {
        readings = r;
      }
    }

    @Override
    public void rejected(String why, String what) {
      if (reason == null) {
        reason = why;
        detail = what;
      }
    }
  }
}
