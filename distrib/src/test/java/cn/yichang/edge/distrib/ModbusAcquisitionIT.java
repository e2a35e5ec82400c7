package cn.yichang.edge.distrib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.yichang.edge.sim.SocatPtyPair;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real distribution, booted by bin/sanxia-edge, reads every point type from pymodbus (an
 * independent implementation) on the other end of a socat pty pair.
 */
class ModbusAcquisitionIT {

  @TempDir Path dir;

  @Test
  void decodesEveryPointTypeFromAnIndependentDevice() throws Exception {
    try (SocatPtyPair pty = SocatPtyPair.start(dir);
        PythonModbusDevice device =
            PythonModbusDevice.start(
                pty.deviceEnd(),
                19200,
                "--unit",
                "7",
                // The registers documented in device-profiles/test/all-types.yaml.
                "--holding",
                "0=0xFB2E,1=0xC822,2=0xFFFE,3=0x1DC0,4=0x1DC0,5=0xFFFE,6=0xDEAD,7=0xBEEF,"
                    + "8=0xFFFF,9=0xFFFF,10=0xFFFF,11=0xFFFE,12=0x4049,13=0x0FD0,14=0x0FD0,"
                    + "15=0x4049,16=0x4005,17=0xBF0A,18=0x8B14,19=0x5769,20=0x0008,21=0x5341,"
                    + "22=0x4E58,23=0x4941,24=0x2D31,25=0x0258",
                "--input",
                "0=12345",
                "--coil",
                "0=1",
                "--discrete",
                "0=1");
        GatewayProcess gateway =
            GatewayProcess.start(
                "run",
                "--config",
                SiteFiles.write(
                        dir,
                        """
                        gateway: {id: yc-it-0001, account: yichang}
                        buses:
                          - {id: rs485-1, type: serial, port: %s, baud: 19200}
                        devices:
                          - {id: all, profile: test/all-types, bus: rs485-1, unit: 7, poll: 500ms}
                        """
                            .formatted(pty.masterEnd()))
                    .toString())) {

      ReadingLine reading =
          ReadingLine.parse(
              gateway.awaitLine(l -> ReadingLine.isReading(l, "all"), Duration.ofSeconds(60)));

      assertThat(reading.errors()).isEmpty();
      assertThat(reading.values())
          .containsEntry("i16", "-1234")
          .containsEntry("u16", "51234")
          .containsEntry("i32_big", "-123456")
          .containsEntry("i32_little", "-123456")
          .containsEntry("u32", "3735928559")
          .containsEntry("i64", "-2")
          .containsEntry("f64", "2.718281828459045")
          .containsEntry("flag_bit3", "true")
          .containsEntry("label", "\"SANXIA-1\"")
          .containsEntry("scaled", "20.0")
          .containsEntry("in_u16", "12345")
          .containsEntry("coil0", "true")
          .containsEntry("discrete0", "true");
      assertThat(Double.parseDouble(reading.values().get("f32_big")))
          .isCloseTo(3.14159, within(1e-5));
      assertThat(Double.parseDouble(reading.values().get("f32_little")))
          .isCloseTo(3.14159, within(1e-5));
      assertThat(gateway.lines()).anyMatch(l -> l.contains("all: 15 points in"));

      gateway.awaitLine(l -> l.startsWith("sanxia-edge: started"), Duration.ofSeconds(30));
      assertThat(gateway.terminate()).isZero();
      assertThat(gateway.lines()).contains("sanxia-edge: stopped");
    }
  }
}
