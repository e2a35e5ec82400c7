package cn.yichang.edge.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yichang.edge.modbus.ReadRequest;
import cn.yichang.edge.modbus.WriteRequest;
import cn.yichang.edge.profile.Table;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RtuRequestsTest {

  @ParameterizedTest(name = "unit {0} {1} {2}+{3} -> {4}")
  @CsvSource({
    "1, HOLDING, 0, 10, 01 03 00 00 00 0A C5 CD",
    "17, HOLDING, 107, 3, 11 03 00 6B 00 03 76 87",
    "17, COIL, 19, 37, 11 01 00 13 00 25 0E 84",
    "1, DISCRETE, 196, 22, 01 02 00 C4 00 16 B8 39",
    "1, INPUT, 8, 2, 01 04 00 08 00 02 F0 09",
  })
  void encodesReads(int unit, Table table, int address, int count, String frame) {
    assertThat(Hex.of(RtuRequests.read(unit, new ReadRequest(table, address, count))))
        .isEqualTo(frame);
  }

  @Test
  void encodesWrites() {
    assertThat(Hex.of(RtuRequests.write(1, new WriteRequest.SingleCoil(172, true))))
        .isEqualTo("01 05 00 AC FF 00 4C 1B");
    assertThat(Hex.of(RtuRequests.write(1, new WriteRequest.SingleCoil(172, false))))
        .isEqualTo("01 05 00 AC 00 00 0D EB");
    assertThat(Hex.of(RtuRequests.write(1, new WriteRequest.SingleRegister(1, 3))))
        .isEqualTo("01 06 00 01 00 03 98 0B");
    assertThat(
            Hex.of(RtuRequests.write(1, new WriteRequest.MultipleRegisters(1, List.of(10, 258)))))
        .isEqualTo("01 10 00 01 00 02 04 00 0A 01 02 92 30");
  }

  @Test
  void writesNegativeRegisterValuesAsTwosComplement() {
    assertThat(new WriteRequest.SingleRegister(0, -2).value()).isEqualTo(0xFFFE);
  }

  @Test
  void refusesUnitsThatCannotAnswer() {
    ReadRequest read = new ReadRequest(Table.HOLDING, 0, 1);

    assertThatThrownBy(() -> RtuRequests.read(0, read)).hasMessageContaining("1..247");
    assertThatThrownBy(() -> RtuRequests.read(248, read)).hasMessageContaining("1..247");
  }

  @Test
  void refusesReadsBeyondTheProtocolLimits() {
    assertThatThrownBy(() -> new ReadRequest(Table.HOLDING, 0, 126))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReadRequest(Table.COIL, 0, 2001))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReadRequest(Table.HOLDING, 65535, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ReadRequest(Table.COIL, 0, 2000).replyDataBytes()).isEqualTo(250);
  }
}
