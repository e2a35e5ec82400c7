package cn.yichang.edge.modbus.internal;

import static cn.yichang.edge.modbus.internal.TestPoints.point;
import static cn.yichang.edge.modbus.internal.TestPoints.ranged;
import static cn.yichang.edge.modbus.internal.TestPoints.writable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yichang.edge.modbus.ReadRequest;
import cn.yichang.edge.modbus.WriteRequest;
import cn.yichang.edge.profile.Point;
import cn.yichang.edge.profile.PointType;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.profile.WordOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteEncoderTest {

  @Test
  void aScaledRegisterIsWrittenAsItsRawValue() {
    // all-types "scaled": uint16 x 0.1 - 40 reads 20.0 from 600.
    Point scaled =
        writable(point("scaled", Table.HOLDING, 25, PointType.UINT16, WordOrder.BIG, 0.1, -40));

    assertThat(WriteEncoder.encode(scaled, 20.0))
        .isEqualTo(new WriteRequest.SingleRegister(25, 600));
    assertThat(WriteEncoder.encode(scaled, 21L))
        .isEqualTo(new WriteRequest.SingleRegister(25, 610));
    // Between two steps: the nearest raw value.
    assertThat(WriteEncoder.encode(scaled, 20.04))
        .isEqualTo(new WriteRequest.SingleRegister(25, 600));
  }

  @Test
  void multiRegisterValuesFollowTheWordOrder() {
    Point big = writable(point("b", Table.HOLDING, 2, PointType.INT32, WordOrder.BIG, 1, 0));
    Point little = writable(point("l", Table.HOLDING, 4, PointType.INT32, WordOrder.LITTLE, 1, 0));
    Point f32 = writable(point("f", Table.HOLDING, 12, PointType.FLOAT32, WordOrder.BIG, 1, 0));
    Point i64 = writable(point("i", Table.HOLDING, 8, PointType.INT64, WordOrder.LITTLE, 1, 0));

    assertThat(WriteEncoder.encode(big, -123456L))
        .isEqualTo(new WriteRequest.MultipleRegisters(2, List.of(0xFFFE, 0x1DC0)));
    assertThat(WriteEncoder.encode(little, -123456L))
        .isEqualTo(new WriteRequest.MultipleRegisters(4, List.of(0x1DC0, 0xFFFE)));
    assertThat(WriteEncoder.encode(f32, 3.14159))
        .isEqualTo(new WriteRequest.MultipleRegisters(12, List.of(0x4049, 0x0FD0)));
    assertThat(WriteEncoder.encode(i64, -2L))
        .isEqualTo(new WriteRequest.MultipleRegisters(8, List.of(0xFFFE, 0xFFFF, 0xFFFF, 0xFFFF)));
  }

  @Test
  void whatIsWrittenDecodesBackToTheValue() throws Exception {
    Point p = writable(point("p", Table.HOLDING, 0, PointType.INT32, WordOrder.LITTLE, 0.01, 5));
    FakeDevice device = new FakeDevice(1);
    RtuMaster master = new RtuMaster(device);

    master.write(1, WriteEncoder.encode(p, -1234.56));

    ReadBlock block = master.read(1, new ReadRequest(Table.HOLDING, 0, 2));
    assertThat(ValueDecoder.decode(p, block).value()).isEqualTo(-1234.56);
  }

  @Test
  void aCoilTakesABoolean() {
    Point coil = writable(point("relay", Table.COIL, 3, PointType.BOOL));

    assertThat(WriteEncoder.encode(coil, true)).isEqualTo(new WriteRequest.SingleCoil(3, true));
    assertThatThrownBy(() -> WriteEncoder.encode(coil, 1L))
        .hasMessage("relay is a coil: expected true or false, got 1");
  }

  @Test
  void refusesWhatCannotBeWritten() {
    Point readOnly = point("ro", Table.HOLDING, 0, PointType.UINT16);
    Point u16 = writable(point("u16", Table.HOLDING, 0, PointType.UINT16));
    Point i16 = writable(point("i16", Table.HOLDING, 0, PointType.INT16));
    Point setpoint = writable(ranged("setpoint", 0, PointType.INT16, 5.0, 30.0));

    assertThatThrownBy(() -> WriteEncoder.encode(readOnly, 1L))
        .hasMessage("ro is not writable (its profile does not mark it writable: true)");
    assertThatThrownBy(() -> WriteEncoder.encode(u16, -1L))
        .hasMessage("u16: -1 needs raw value -1, outside uint16 0..65535");
    assertThatThrownBy(() -> WriteEncoder.encode(i16, 40000L))
        .hasMessage("i16: 40000 needs raw value 40000, outside int16 -32768..32767");
    assertThatThrownBy(() -> WriteEncoder.encode(i16, 1.5))
        .hasMessage("i16 is an integer (int16): 1.5 is not");
    assertThatThrownBy(() -> WriteEncoder.encode(i16, "7"))
        .hasMessage("i16 is a number: expected a number, got \"7\"");
    assertThatThrownBy(() -> WriteEncoder.encode(i16, true))
        .hasMessage("i16 is a number: expected a number, got true");
    assertThatThrownBy(() -> WriteEncoder.encode(setpoint, 31L))
        .hasMessage("setpoint: 31 is outside 5.0..30.0");
    Point f32 = writable(point("f32", Table.HOLDING, 0, PointType.FLOAT32));
    assertThatThrownBy(() -> WriteEncoder.encode(f32, 1e300))
        .hasMessage("f32: 1.0E300 does not fit a float32");
    assertThatThrownBy(() -> WriteEncoder.encode(setpoint, Double.NaN))
        .hasMessage("setpoint: NaN is not a finite number");
    assertThat(WriteEncoder.encode(setpoint, 30L))
        .isEqualTo(new WriteRequest.SingleRegister(0, 30));
  }
}
