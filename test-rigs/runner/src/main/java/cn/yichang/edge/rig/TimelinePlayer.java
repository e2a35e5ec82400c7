package cn.yichang.edge.rig;

import cn.yichang.edge.sim.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays a rig's timeline against a running rig: each action starts at its {@code at} and is undone
 * at its end, measured from the scenario's start. Line noise is a burst every {@code every} in
 * between. What happened, with its real times, is kept for the report.
 */
final class TimelinePlayer implements AutoCloseable {

  /** One action as played: when it really started and ended, or why it was skipped. */
  record Played(Rig.Action action, Instant start, Instant end, String skipped, String failure) {}

  private final List<Rig.Action> timeline;
  private final RigControls controls;
  private final ScheduledExecutorService timer =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "rig-timeline");
            t.setDaemon(true);
            return t;
          });
  private final List<Played> played = new ArrayList<>();
  private long startNanos;

  TimelinePlayer(List<Rig.Action> timeline, RigControls controls) {
    this.timeline = timeline;
    this.controls = controls;
  }

  /** Schedules every action from now, the scenario's start. */
  void start() {
    startNanos = System.nanoTime();
    for (Rig.Action a : timeline) {
      Slot slot = new Slot(a);
      timer.schedule(slot::begin, a.at().toNanos(), TimeUnit.NANOSECONDS);
      timer.schedule(slot::finish, a.end().toNanos(), TimeUnit.NANOSECONDS);
      if (a.kind() == Rig.ActionKind.LINE_NOISE) {
        for (Duration t = a.at(); t.compareTo(a.end()) < 0; t = t.plus(a.every())) {
          timer.schedule(slot::noise, t.toNanos(), TimeUnit.NANOSECONDS);
        }
      }
    }
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** Waits until every action has ended (its end is due at or before the scenario's end). */
  void awaitFinished(Duration atMost) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    synchronized (this) {
      while (played.size() < timeline.size() && System.nanoTime() - deadline < 0) {
        wait(50);
      }
    }
  }

  synchronized List<Played> played() {
    return List.copyOf(played);
  }

  private void say(String text) {
    System.out.printf("[rig %6.1fs] %s%n", elapsed().toMillis() / 1000.0, text);
  }

  /** The state of one action while it plays. */
  private final class Slot {
    private final Rig.Action action;
    private Instant start;
    private String skipped;
    private String failure;
    private int bursts;

    Slot(Rig.Action action) {
      this.action = action;
    }

    synchronized void begin() {
      start = Instant.now();
      if (action.kind() == Rig.ActionKind.DISK_FILL) {
        skipped = controls.diskFillUnavailable();
        if (skipped != null) {
          say(action.kind().spelling() + " SKIPPED: " + skipped);
          return;
        }
      }
      run(
          "start",
          () ->
              switch (action.kind()) {
                case BROKER_DOWN -> controls.brokerDown();
                case DEVICE_SILENT -> controls.deviceFault(action.target(), Fault.silent());
                case DEVICE_CRC -> controls.deviceFault(action.target(), Fault.corruptCrc());
                case DEVICE_SLOW ->
                    controls.deviceFault(action.target(), Fault.slow(action.delay()));
                case LINE_NOISE ->
                    "bursts of " + action.bytes() + " bytes every " + Rig.seconds(action.every());
                case GATEWAY_KILL -> controls.killGateway();
                case DISK_FILL -> controls.fillDisk();
              });
    }

    synchronized void noise() {
      bursts++;
      try {
        controls.lineNoise(action.target(), action.bytes());
      } catch (Exception e) {
        failure = "noise burst " + bursts + ": " + e;
      }
    }

    synchronized void finish() {
      if (skipped == null) {
        run(
            "end",
            () ->
                switch (action.kind()) {
                  case BROKER_DOWN -> controls.brokerUp();
                  case DEVICE_SILENT, DEVICE_CRC, DEVICE_SLOW ->
                      controls.deviceFault(action.target(), Fault.none());
                  case LINE_NOISE -> bursts + " bursts";
                  case GATEWAY_KILL -> controls.restartGateway();
                  case DISK_FILL -> controls.freeDisk();
                });
      }
      synchronized (TimelinePlayer.this) {
        played.add(new Played(action, start, Instant.now(), skipped, failure));
        TimelinePlayer.this.notifyAll();
      }
    }

    private void run(String phase, Step step) {
      String what =
          action.kind().spelling() + (action.target() == null ? "" : " " + action.target());
      try {
        say(what + " " + phase + ": " + step.run());
      } catch (Exception e) {
        failure = phase + ": " + e;
        say(what + " " + phase + " FAILED: " + e);
      }
    }
  }

  private interface Step {
    String run() throws Exception;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
