package cn.yichang.edge.tools;

import cn.yichang.edge.bus.CorruptFrameException;
import cn.yichang.edge.bus.DeviceRejectedException;
import cn.yichang.edge.bus.ResponseTimeoutException;
import cn.yichang.edge.bus.TransactionException;
import cn.yichang.edge.bus.Transactor;
import cn.yichang.edge.modbus.RtuClient;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.serial.SerialLine;
import cn.yichang.edge.serial.SerialLineFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the units that answer on a bus, line setting after line setting.
 *
 * <p>A probe is a read of holding register 0. Any valid answer, a Modbus exception included (a
 * device with no holding register 0, or no holding registers at all, refuses with exception 2 or
 * 1), proves a unit at that address and setting. A garbled answer proves something is talking but
 * not at these settings (a wrong baud rate or parity reaches the master as CRC errors), which is
 * worth telling the installer.
 *
 * <p>Unless {@code exhaustive}, the scan stops after the first setting at which any unit answered:
 * the devices of one bus share its settings. It never runs past its deadline.
 */
final class BusScanner {

  /** The line formats tried, common ones first; within each, the rates in this order. */
  static List<LineSettings> defaultOrder(String port) {
    List<LineSettings> out = new ArrayList<>();
    for (int baud : new int[] {9600, 19200, 4800, 115200}) {
      out.add(new LineSettings(port, baud, Parity.NONE, 8, 1));
    }
    for (int baud : new int[] {9600, 19200}) {
      out.add(new LineSettings(port, baud, Parity.EVEN, 8, 1));
    }
    for (int baud : new int[] {38400, 57600, 2400}) {
      out.add(new LineSettings(port, baud, Parity.NONE, 8, 1));
    }
    for (int baud : new int[] {4800, 115200, 38400}) {
      out.add(new LineSettings(port, baud, Parity.EVEN, 8, 1));
    }
    for (int baud : new int[] {9600, 19200}) {
      out.add(new LineSettings(port, baud, Parity.ODD, 8, 1));
      out.add(new LineSettings(port, baud, Parity.NONE, 8, 2));
    }
    return out;
  }

  /** What the scan reports as it goes; called from the scanning thread. */
  interface Progress {
    void setting(LineSettings settings, int index, int of, Duration estimate);

    void probed(LineSettings settings, int unit, int done, int of);

    void found(Responder responder);

    void garbled(LineSettings settings, int unit, String reason);
  }

  /** A unit that answered, and how. */
  record Responder(LineSettings settings, int unit, String answer) {}

  /** Everything the scan saw. */
  record Result(
      List<Responder> responders,
      List<LineSettings> tried,
      int garbledAnswers,
      boolean timedOut,
      List<String> unopenable) {}

  private final SerialLineFactory lines;
  private final Duration responseTimeout;
  private final Progress progress;

  BusScanner(SerialLineFactory lines, Duration responseTimeout, Progress progress) {
    this.lines = lines;
    this.responseTimeout = responseTimeout;
    this.progress = progress;
  }

  /** Worst-case time of one setting: every unit silent. */
  Duration estimate(LineSettings settings, int units) {
    long perProbe = settings.wireNanos(8) + responseTimeout.toNanos() + 2 * settings.silenceNanos();
    return Duration.ofNanos(perProbe * units);
  }

  Result scan(List<LineSettings> order, List<Integer> units, boolean exhaustive, long deadlineNanos)
      throws InterruptedException {
    List<Responder> responders = new ArrayList<>();
    List<LineSettings> tried = new ArrayList<>();
    List<String> unopenable = new ArrayList<>();
    int garbled = 0;
    for (int i = 0; i < order.size(); i++) {
      LineSettings settings = order.get(i);
      if (System.nanoTime() - deadlineNanos >= 0) {
        return new Result(responders, tried, garbled, true, unopenable);
      }
      progress.setting(settings, i + 1, order.size(), estimate(settings, units.size()));
      tried.add(settings);
      boolean foundHere = false;
      try (SerialLine line = lines.open(settings)) {
        Transactor transactor = Transactor.standalone(line, responseTimeout);
        RtuClient master = new RtuClient(transactor);
        for (int k = 0; k < units.size(); k++) {
          if (System.nanoTime() - deadlineNanos >= 0) {
            return new Result(responders, tried, garbled, true, unopenable);
          }
          int unit = units.get(k);
          String answer = probe(master, unit);
          if (answer == null) {
            // silent
          } else if (answer.startsWith("garbled")) {
            garbled++;
            progress.garbled(settings, unit, answer);
          } else {
            Responder r = new Responder(settings, unit, answer);
            responders.add(r);
            foundHere = true;
            progress.found(r);
          }
          progress.probed(settings, unit, k + 1, units.size());
        }
      } catch (IOException e) {
        unopenable.add(describe(settings) + ": " + e.getMessage());
        if (i == 0) {
          // The port itself is wrong; every other setting would fail the same way.
          return new Result(responders, tried, garbled, false, unopenable);
        }
      }
      if (foundHere && !exhaustive) {
        break;
      }
    }
    return new Result(responders, tried, garbled, false, unopenable);
  }

  /** The answer to a read of holding 0, {@code null} for silence, "garbled: ..." for noise. */
  private static String probe(RtuClient master, int unit) throws InterruptedException {
    try {
      int[] value = master.readRegisters(unit, Table.HOLDING, 0, 1);
      return "holding 0 = " + value[0];
    } catch (DeviceRejectedException e) {
      return e.reason();
    } catch (ResponseTimeoutException e) {
      return null;
    } catch (CorruptFrameException e) {
      return "garbled: " + e.reason();
    } catch (TransactionException e) {
      return "garbled: " + e.reason();
    }
  }

  /** {@code 9600 8N1}. */
  static String describe(LineSettings s) {
    return s.baud() + " " + s.dataBits() + s.parity().name().charAt(0) + s.stopBits();
  }
}
