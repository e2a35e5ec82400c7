package cn.yichang.edge.demo;

import java.util.List;
import java.util.function.Predicate;

/**
 * The demo's built-in bench rig: which simulated devices sit on which bus. A device whose profile
 * the distribution does not ship, or that the simulator cannot serve yet, is left out (and said so)
 * instead of failing the demo; a bus left without devices is not started.
 */
record DemoRig(List<Bus> buses) {

  static final String GATEWAY_ID = "yc-demo-0001";
  static final String ACCOUNT = "yichang";
  static final String APP_ID = "sensors";

  /** One RS-485 line or UART, 8N1. */
  record Bus(String id, int baud, List<Device> devices) {
    Bus {
      devices = List.copyOf(devices);
    }
  }

  /** One device on a bus: a Modbus RTU unit, or (unit 0) an ascii-line or framed device alone. */
  record Device(String id, String profile, int unit) {
    boolean modbus() {
      return unit > 0;
    }
  }

  DemoRig {
    buses = List.copyOf(buses);
  }

  /** Every device the rig would like to show, across domains. */
  static DemoRig builtIn() {
    return new DemoRig(
        List.of(
            new Bus(
                "rs485-1",
                9600,
                List.of(
                    new Device("soil-01", "agriculture/soil-3in1", 1),
                    new Device("ph-01", "water/ph-orp", 2))),
            new Bus(
                "rs485-2",
                19200,
                List.of(
                    new Device("parking-01", "parking/geomagnetic-detector", 1),
                    new Device("bed-01", "elderly-care/bed-sensor", 2))),
            // A fall radar on its own UART (framed, polled) and a GNSS receiver streaming NMEA.
            new Bus(
                "uart-1",
                115200,
                List.of(new Device("fall-01", "elderly-care/mmwave-fall-radar", 0))),
            new Bus("uart-2", 9600, List.of(new Device("gnss-01", "elderly-care/gnss-nmea", 0)))));
  }

  /** This rig with only the devices {@code available} accepts, and without empty buses. */
  DemoRig only(Predicate<Device> available) {
    return new DemoRig(
        buses.stream()
            .map(b -> new Bus(b.id(), b.baud(), b.devices().stream().filter(available).toList()))
            .filter(b -> !b.devices().isEmpty())
            .toList());
  }

  List<Device> devices() {
    return buses.stream().flatMap(b -> b.devices().stream()).toList();
  }
}
