package cn.yichang.edge.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yichang.edge.bus.CorruptFrameException;
import cn.yichang.edge.bus.ResponseTimeoutException;
import cn.yichang.edge.modbus.ModbusExceptionResponse;
import cn.yichang.edge.profile.Table;
import org.junit.jupiter.api.Test;

class RtuMasterTest {

  private final FakeDevice device = new FakeDevice(7);
  private final RtuMaster master = new RtuMaster(device);

  @Test
  void readsRegistersOfBothTables() throws Exception {
    device.set(Table.HOLDING, 100, 1, 0xFFFF, 3).set(Table.INPUT, 0, 42);

    assertThat(master.readRegisters(7, Table.HOLDING, 100, 3)).containsExactly(1, 0xFFFF, 3);
    assertThat(master.readRegisters(7, Table.INPUT, 0, 1)).containsExactly(42);
    assertThat(Hex.of(device.requests().get(0))).startsWith("07 03 00 64 00 03");
  }

  @Test
  void readsBitsOfBothTables() throws Exception {
    device.set(Table.COIL, 3, 1, 0, 0, 0, 0, 0, 0, 0, 1).set(Table.DISCRETE, 0, 1);

    assertThat(master.readBits(7, Table.COIL, 3, 9))
        .containsExactly(true, false, false, false, false, false, false, false, true);
    assertThat(master.readBits(7, Table.DISCRETE, 0, 2)).containsExactly(true, false);
  }

  @Test
  void writesCoilsAndRegisters() throws Exception {
    master.writeSingleCoil(7, 10, true);
    master.writeSingleRegister(7, 20, -1);
    master.writeMultipleRegisters(7, 30, 1, 2, 3);

    assertThat(device.value(Table.COIL, 10)).isEqualTo(1);
    assertThat(device.value(Table.HOLDING, 20)).isEqualTo(0xFFFF);
    assertThat(master.readRegisters(7, Table.HOLDING, 30, 3)).containsExactly(1, 2, 3);
  }

  @Test
  void reportsRefusalsGarbleAndSilence() {
    device.reject(Table.HOLDING, 5, 2).garble(Table.INPUT, 5);

    assertThatThrownBy(() -> master.readRegisters(7, Table.HOLDING, 0, 10))
        .isInstanceOf(ModbusExceptionResponse.class);
    assertThatThrownBy(() -> master.writeSingleRegister(7, 5, 1))
        .isInstanceOf(ModbusExceptionResponse.class)
        .hasMessageContaining("function 6");
    assertThatThrownBy(() -> master.readRegisters(7, Table.INPUT, 5, 1))
        .isInstanceOf(CorruptFrameException.class);
    device.silentFrom(0);
    assertThatThrownBy(() -> master.readRegisters(7, Table.INPUT, 0, 1))
        .isInstanceOf(ResponseTimeoutException.class);
  }

  @Test
  void refusesToReadBitsFromARegisterTable() {
    assertThatThrownBy(() -> master.readBits(7, Table.HOLDING, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(device.requests()).isEmpty();
  }
}
