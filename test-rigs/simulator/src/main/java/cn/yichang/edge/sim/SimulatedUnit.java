package cn.yichang.edge.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated Modbus unit on a line: its address, its registers, how long it takes to turn a
 * request around, and the fault it currently shows. The fault and turnaround may be changed while
 * the line serves.
 */
public final class SimulatedUnit {

  public static final Duration DEFAULT_TURNAROUND = Duration.ofMillis(5);

  private final int address;
  private final RegisterMap registers;
  private volatile Duration turnaround;
  private volatile Fault fault = Fault.none();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong replies = new AtomicLong();
  private final AtomicLong exceptions = new AtomicLong();

  public SimulatedUnit(int address, RegisterMap registers, Duration turnaround) {
    if (address < 1 || address > 247) {
      throw new IllegalArgumentException("unit address must be 1..247: " + address);
    }
    this.address = address;
    this.registers = Objects.requireNonNull(registers, "registers");
    setTurnaround(turnaround);
  }

  public SimulatedUnit(int address, RegisterMap registers) {
    this(address, registers, DEFAULT_TURNAROUND);
  }

  public int address() {
    return address;
  }

  public RegisterMap registers() {
    return registers;
  }

  public Duration turnaround() {
    return turnaround;
  }

  public void setTurnaround(Duration turnaround) {
    if (turnaround.isNegative()) {
      throw new IllegalArgumentException("turnaround must not be negative: " + turnaround);
    }
    this.turnaround = turnaround;
  }

  public Fault fault() {
    return fault;
  }

  public void setFault(Fault fault) {
    this.fault = Objects.requireNonNull(fault, "fault");
  }

  public UnitStatistics statistics() {
    return new UnitStatistics(address, requests.get(), replies.get(), exceptions.get());
  }

  void countRequest() {
    requests.incrementAndGet();
  }

  void countReply(boolean exception) {
    replies.incrementAndGet();
    if (exception) {
      exceptions.incrementAndGet();
    }
  }
}
