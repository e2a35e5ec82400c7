package cn.yichang.edge.sim;

import static cn.yichang.edge.sim.RtuFrames.hex;
import static cn.yichang.edge.sim.RtuFrames.unhex;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.sim.RegisterMap.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestProcessorTest {

  private final RegisterMap map =
      new RegisterMap()
          .holding(0, 0x007B, 0xFFFF, 0)
          .input(8, 0x4148, 0)
          .coil(0, true, false, true)
          .discrete(0, true, false, true, true, false, false, false, false, true, true);

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource({
    "read holding,                   03 0000 0002,                  03 04 007b ffff",
    "read input,                     04 0008 0002,                  04 04 4148 0000",
    "read coils,                     01 0000 0003,                  01 01 05",
    "read discretes over 2 bytes,    02 0000 000a,                  02 02 0d 03",
    "write register echoes,          06 0002 1234,                  06 0002 1234",
    "write coil on echoes,           05 0001 ff00,                  05 0001 ff00",
    "write coil off echoes,          05 0000 0000,                  05 0000 0000",
    "write coils,                    0f 0000 0003 01 06,            0f 0000 0003",
    "write registers,                10 0000 0002 04 0001 0002,     10 0000 0002",
    "unmapped holding,               03 0003 0001,                  83 02",
    "read across the map's end,      03 0002 0002,                  83 02",
    "unmapped coil,                  01 0003 0001,                  81 02",
    "126 registers,                  03 0000 007e,                  83 03",
    "zero registers,                 03 0000 0000,                  83 03",
    "2001 coils,                     01 0000 07d1,                  81 03",
    "zero discretes,                 02 0000 0000,                  82 03",
    "coil value neither on nor off,  05 0001 1234,                  85 03",
    "unmapped register write,        06 0010 0001,                  86 02",
    "unmapped coil write,            05 0009 ff00,                  85 02",
    "coils byte count wrong,         0f 0000 0003 02 0600,          8f 03",
    "registers byte count wrong,     10 0000 0002 02 0001,          90 03",
    "registers partly unmapped,      10 0001 0003 06 0001 0002 0003, 90 02",
    "124 registers,                  10 0000 007c f8,               90 03",
    "read exception status (fc 7),   07,                            87 01",
    "device identification (fc 43),  2b 0e 01 00,                   ab 01",
  })
  void answers(String what, String request, String reply) {
    byte[] answer = RequestProcessor.handle(map, unhex(request));

    assertThat(hex(answer)).isEqualTo(hex(unhex(reply)));
  }

  @Test
  void writesLandInTheMap() {
    RequestProcessor.handle(map, unhex("10 0000 0002 04 0102 0304"));
    RequestProcessor.handle(map, unhex("0f 0000 0003 01 02"));
    RequestProcessor.handle(map, unhex("06 0002 beef"));

    assertThat(map.read(Table.HOLDING, 0, 3))
        .hasValueSatisfying(values -> assertThat(values).containsExactly(0x0102, 0x0304, 0xBEEF));
    assertThat(map.read(Table.COIL, 0, 3))
        .hasValueSatisfying(values -> assertThat(values).containsExactly(0, 1, 0));
  }

  @Test
  void aFailedWriteChangesNothing() {
    RequestProcessor.handle(map, unhex("10 0001 0003 06 0001 0002 0003"));

    assertThat(map.read(Table.HOLDING, 0, 3))
        .hasValueSatisfying(values -> assertThat(values).containsExactly(0x007B, 0xFFFF, 0));
  }
}
