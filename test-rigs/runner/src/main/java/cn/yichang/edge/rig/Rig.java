package cn.yichang.edge.rig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A rig as read from {@code test-rigs/rigs/NAME.yaml}: the simulated devices on their buses, the
 * gateway's identity, how long the scenario runs and the faults it plays.
 *
 * @param name the file's name without {@code .yaml}
 * @param source the file it was read from
 * @param profileDirs profile directories searched before the distribution's, absolute
 * @param duration how long the scenario runs from the gateway's first connection; then the runner
 *     waits for the buffer to drain
 * @param shortFactor what {@code --short} multiplies every scenario time by (0 &lt; f &le; 1)
 * @param gpio sensors wired to the gateway's pins and the event script that drives them (played by
 *     Pi4J's mock provider inside the gateway); null for none
 */
public record Rig(
    String name,
    Path source,
    String gatewayId,
    String account,
    List<Path> profileDirs,
    Duration duration,
    double shortFactor,
    List<Bus> buses,
    List<Action> timeline,
    Gpio gpio) {

  /** A rig without GPIO devices. */
  public Rig(
      String name,
      Path source,
      String gatewayId,
      String account,
      List<Path> profileDirs,
      Duration duration,
      double shortFactor,
      List<Bus> buses,
      List<Action> timeline) {
    this(
        name,
        source,
        gatewayId,
        account,
        profileDirs,
        duration,
        shortFactor,
        buses,
        timeline,
        null);
  }

  public Rig {
    profileDirs = List.copyOf(profileDirs);
    buses = List.copyOf(buses);
    timeline = List.copyOf(timeline);
  }

  /** One RS-485 line: a socat pty pair with a paced simulator on the device end. */
  public record Bus(
      String id, int baud, String parity, int dataBits, int stopBits, List<Device> devices) {
    public Bus {
      devices = List.copyOf(devices);
    }
  }

  /**
   * A simulated device: a profile served as Modbus unit {@code unit}, polled every {@code poll};
   * unit 0 for an ascii-line or framed device (simulated alone on its bus).
   */
  public record Device(String id, String profile, int unit, Duration poll) {
    public boolean modbus() {
      return unit > 0;
    }
  }

  /**
   * Devices on GPIO pins and the script of their inputs.
   *
   * @param script the event script, absolute
   * @param scriptScale what the gateway multiplies the script's times by (1, or the short factor)
   */
  public record Gpio(Path script, double scriptScale, List<GpioDevice> devices) {
    public Gpio {
      devices = List.copyOf(devices);
    }
  }

  /** A sensor on a pin; {@code pull} null for the profile's default. */
  public record GpioDevice(String id, String profile, int pin, String pull, Duration poll) {}

  /** What a timeline entry does. */
  public enum ActionKind {
    BROKER_DOWN("broker-down"),
    DEVICE_SILENT("device-silent"),
    DEVICE_CRC("device-crc"),
    DEVICE_SLOW("device-slow"),
    LINE_NOISE("line-noise"),
    GATEWAY_KILL("gateway-kill"),
    DISK_FILL("disk-fill");

    private final String spelling;

    ActionKind(String spelling) {
      this.spelling = spelling;
    }

    public String spelling() {
      return spelling;
    }

    public boolean onDevice() {
      return this == DEVICE_SILENT || this == DEVICE_CRC || this == DEVICE_SLOW;
    }
  }

  /**
   * One entry of the timeline.
   *
   * @param at when it starts, from the scenario's start
   * @param length how long the fault lasts ({@code for:}); for gateway-kill, how long the gateway
   *     stays dead
   * @param target the device (device faults) or bus (line-noise) it acts on, else null
   * @param delay device-slow: the extra reply delay
   * @param bytes line-noise: bytes of garbage per burst
   * @param every line-noise: the time between bursts
   * @param line the line of the rig file, for messages
   */
  public record Action(
      Duration at,
      ActionKind kind,
      Duration length,
      String target,
      Duration delay,
      int bytes,
      Duration every,
      int line) {

    public Duration end() {
      return at.plus(length);
    }

    Action scaled(double factor) {
      return new Action(
          Rig.scale(at, factor),
          kind,
          Rig.scale(length, factor),
          target,
          delay,
          bytes,
          every == null ? null : Rig.scale(every, factor),
          line);
    }

    /** {@code broker-down at 10s for 8s}, for the report. */
    public String describe() {
      String what = kind.spelling() + (target == null ? "" : " " + target);
      return what + " at " + seconds(at) + " for " + seconds(length);
    }
  }

  /** This rig with every scenario time multiplied by {@link #shortFactor()}; polls unchanged. */
  public Rig shortened() {
    return new Rig(
        name,
        source,
        gatewayId,
        account,
        profileDirs,
        scale(duration, shortFactor),
        shortFactor,
        buses,
        timeline.stream().map(a -> a.scaled(shortFactor)).toList(),
        gpio == null ? null : new Gpio(gpio.script(), shortFactor, gpio.devices()));
  }

  /** Every device whose readings the report follows: those on the buses, then those on pins. */
  public List<Device> devices() {
    List<Device> all = new java.util.ArrayList<>();
    buses.forEach(b -> all.addAll(b.devices()));
    if (gpio != null) {
      gpio.devices().forEach(d -> all.add(new Device(d.id(), d.profile(), 0, d.poll())));
    }
    return all;
  }

  public Optional<Bus> busOf(String deviceId) {
    return buses.stream()
        .filter(b -> b.devices().stream().anyMatch(d -> d.id().equals(deviceId)))
        .findFirst();
  }

  public Optional<Device> device(String deviceId) {
    return devices().stream().filter(d -> d.id().equals(deviceId)).findFirst();
  }

  /** When the last fault ends (zero without faults). */
  public Duration lastFaultEnd() {
    return timeline.stream().map(Action::end).max(Duration::compareTo).orElse(Duration.ZERO);
  }

  static Duration scale(Duration d, double factor) {
    return Duration.ofMillis(Math.round(d.toMillis() * factor));
  }

  static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : String.format("%.1fs", ms / 1000.0);
  }
}
