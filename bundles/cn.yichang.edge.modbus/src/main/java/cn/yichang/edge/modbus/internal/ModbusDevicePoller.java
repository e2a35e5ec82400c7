package cn.yichang.edge.modbus.internal;

import cn.yichang.edge.bus.CorruptFrameException;
import cn.yichang.edge.bus.DeviceRejectedException;
import cn.yichang.edge.bus.PolledDevice;
import cn.yichang.edge.bus.ResponseTimeoutException;
import cn.yichang.edge.bus.TransactionException;
import cn.yichang.edge.bus.Transactor;
import cn.yichang.edge.modbus.RtuClient;
import cn.yichang.edge.modbus.WriteRequest;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.reading.PointReading;
import cn.yichang.edge.reading.ReadingPublisher;
import cn.yichang.edge.reading.ReadingSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Modbus RTU device as its bus polls it: runs the planned reads and publishes one reading set
 * per poll, with a value or a reason for every point of the profile.
 *
 * <p>A failed read fails only its own points, except a timeout: a device that does not answer one
 * request will most likely not answer the next, and waiting out a timeout for each would hold the
 * bus from the other devices, so the rest of the poll is skipped.
 */
public final class ModbusDevicePoller implements PolledDevice {

  /** The {@code protocol} a profile must declare to be polled by this class. */
  public static final String PROTOCOL = RtuClient.PROTOCOL;

  private static final Logger LOG = LoggerFactory.getLogger(ModbusDevicePoller.class);

  private final String id;
  private final DeviceProfile profile;
  private final int unit;
  private final Duration pollInterval;
  private final RequestPlan plan;
  private final ReadingPublisher publisher;
  private final Clock clock;

  public ModbusDevicePoller(
      String id,
      DeviceProfile profile,
      int unit,
      Duration pollInterval,
      RequestPlan plan,
      ReadingPublisher publisher,
      Clock clock) {
    this.id = Objects.requireNonNull(id, "id");
    this.profile = Objects.requireNonNull(profile, "profile");
    if (!PROTOCOL.equals(profile.protocol())) {
      throw new IllegalArgumentException(
          "profile " + profile.id() + " has protocol " + profile.protocol() + ", not " + PROTOCOL);
    }
    RtuRequests.checkUnit(unit);
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("poll interval must be positive: " + pollInterval);
    }
    if (!coversExactly(plan, profile.points())) {
      throw new IllegalArgumentException("the plan does not cover the points of " + profile.id());
    }
    this.unit = unit;
    this.pollInterval = pollInterval;
    this.plan = plan;
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Duration pollInterval() {
    return pollInterval;
  }

  public RequestPlan plan() {
    return plan;
  }

  /**
   * Interrupted mid-poll (the bus is stopping), nothing is published: a partial set would claim
   * failures that did not happen.
   */
  @Override
  public boolean poll(Transactor transactor) throws InterruptedException {
    Outcome outcome = read(transactor);
    publish(outcome.set());
    return outcome.answered();
  }

  /** One poll's readings, and whether the device answered at all. */
  public record Outcome(ReadingSet set, boolean answered) {}

  /** Runs the planned reads once, without publishing: a poll, or a remote "read now". */
  public Outcome read(Transactor transactor) throws InterruptedException {
    Instant acquired = clock.instant();
    RtuMaster master = new RtuMaster(transactor);
    // Identity: two points may be equal as records (same register read twice under one name).
    Map<Point, PointReading> readings = new IdentityHashMap<>();
    boolean answered = false;
    String skipReason = null;
    for (PlannedRequest planned : plan.requests()) {
      if (skipReason != null) {
        failAll(planned, skipReason, readings);
        continue;
      }
      try {
        ReadBlock block = master.read(unit, planned.request());
        answered = true;
        for (Point point : planned.points()) {
          readings.put(point, ValueDecoder.decode(point, block));
        }
      } catch (ResponseTimeoutException e) {
        skipReason = e.reason();
        failAll(planned, e.reason(), readings);
      } catch (DeviceRejectedException e) {
        answered = true; // a refusal is an answer: the device is there
        failAll(planned, e.reason(), readings);
      } catch (CorruptFrameException e) {
        LOG.debug("{}: {}: {}", id, planned.request(), e.getMessage());
        failAll(planned, e.reason(), readings);
      } catch (TransactionException e) {
        failAll(planned, e.reason(), readings);
      }
    }
    List<PointReading> inProfileOrder = new ArrayList<>(profile.points().size());
    for (Point point : profile.points()) {
      inProfileOrder.add(readings.get(point));
    }
    return new Outcome(new ReadingSet(id, acquired, inProfileOrder), answered);
  }

  /** Writes one writable point, as {@link WriteEncoder} encodes it. */
  public void write(Transactor transactor, WriteRequest request)
      throws TransactionException, InterruptedException {
    new RtuMaster(transactor).write(unit, request);
  }

  public DeviceProfile profile() {
    return profile;
  }

  private void publish(ReadingSet set) {
    try {
      publisher.publish(set);
    } catch (RuntimeException e) {
      // A broken consumer must not make the bus believe the device is silent.
      LOG.warn("{}: publishing the readings failed", id, e);
    }
  }

  private static boolean coversExactly(RequestPlan plan, List<Point> points) {
    Set<Point> planned = Collections.newSetFromMap(new IdentityHashMap<>());
    plan.requests().forEach(r -> planned.addAll(r.points()));
    return planned.size() == points.size() && points.stream().allMatch(planned::contains);
  }

  private static void failAll(
      PlannedRequest planned, String reason, Map<Point, PointReading> readings) {
    for (Point point : planned.points()) {
      readings.put(point, PointReading.failed(point.name(), point.unit(), reason));
    }
  }
}
