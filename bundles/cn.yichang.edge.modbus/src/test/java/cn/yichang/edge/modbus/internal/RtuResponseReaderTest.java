package cn.yichang.edge.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.yichang.edge.bus.ResponseTimeoutException;
import cn.yichang.edge.bus.TransactionException;
import cn.yichang.edge.bus.Transactor.FrameReader;
import cn.yichang.edge.modbus.ModbusExceptionResponse;
import cn.yichang.edge.modbus.ReadRequest;
import cn.yichang.edge.profile.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One row per response: the request, the bytes on the line, and the frame accepted or the reason of
 * the failure. Trailing bytes after a frame must be left on the line.
 */
class RtuResponseReaderTest {

  @ParameterizedTest(name = "unit {0} {1} {2}+{3} <- {4}: {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        // valid responses, a stray trailing byte must stay unread
        "17 | HOLDING | 107 | 3 | 11 03 06 AE 41 56 52 43 40 49 AD         | ok",
        "17 | COIL    | 19  | 37| 11 01 05 CD 6B B2 0E 1B 45 E6            | ok",
        "1  | INPUT   | 8   | 2 | 01 04 04 41 BC 00 00 2E 5C FF             | ok",
        "1  | DISCRETE| 196 | 22| 01 02 03 AC DB 35 22 88                   | ok",
        // exception responses
        "1  | HOLDING | 0   | 1 | 01 83 02 C0 F1                            | exception 2 (illegal data address)",
        "1  | COIL    | 0   | 1 | 01 81 01 81 90                            | exception 1 (illegal function)",
        "1  | INPUT   | 0   | 1 | 01 84 04 42 C3                            | exception 4 (server device failure)",
        // garbled
        "1  | HOLDING | 0   | 1 | 01 03 02 00 01 79 85                      | crc error",
        "1  | HOLDING | 0   | 1 | 01 83 02 C0 F2                            | crc error",
        "1  | HOLDING | 0   | 1 | 02 03 02 00 01 3D 84                      | wrong unit",
        "1  | HOLDING | 0   | 1 | 01 04 02 00 01 78 F0                      | wrong function",
        "1  | HOLDING | 0   | 1 | 01 03 02 00                               | short frame",
        "1  | HOLDING | 0   | 1 | 01                                        | short frame",
        "1  | HOLDING | 0   | 1 | 01 83 02                                  | short frame",
        // the device sends more or less than asked: we read what we asked for, no more
        "1  | HOLDING | 0   | 1 | 01 03 04 00 01 00 02 2A 32                | crc error",
        "1  | HOLDING | 0   | 2 | 01 03 02 00 01 79 84                      | short frame",
      })
  void validatesReadResponses(
      int unit, Table table, int address, int count, String response, String outcome)
      throws Exception {
    ReadRequest request = new ReadRequest(table, address, count);
    byte[] line = Hex.bytes(response);
    check(RtuResponseReader.forRead(unit, request), line, outcome, request.replyDataBytes() + 5);
  }

  @Test
  void takesAWrongByteCountFieldAsCorruptWithoutReadingFurther() throws Exception {
    // two registers asked for, byte count says 2, but 4 data bytes and a valid CRC follow
    ReadRequest request = new ReadRequest(Table.HOLDING, 0, 2);
    byte[] line = Crc16.append(Hex.bytes("01 03 02 00 01 00 02"));

    check(RtuResponseReader.forRead(1, request), line, "wrong byte count", 9);
  }

  @Test
  void timesOutWhenNothingArrives() {
    FrameReader reader = RtuResponseReader.forRead(1, new ReadRequest(Table.HOLDING, 0, 1));

    assertThat(catchThrowableOfType(ResponseTimeoutException.class, () -> read(reader, "")))
        .extracting(TransactionException::reason)
        .isEqualTo("timeout");
  }

  @ParameterizedTest(name = "{0} <- {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "01 05 00 AC FF 00 4C 1B             | 01 05 00 AC FF 00 4C 1B | ok",
        "01 06 00 01 00 03 98 0B             | 01 06 00 01 00 03 98 0B | ok",
        "01 10 00 01 00 02 04 00 0A 01 02 92 30 | 01 10 00 01 00 02 10 08 | ok",
        "01 06 00 01 00 03 98 0B             | 01 06 00 01 00 04 D9 C9 | wrong echo",
        "01 06 00 01 00 03 98 0B             | 01 86 02 C3 A1           | exception 2 (illegal data address)",
        "01 06 00 01 00 03 98 0B             | 01 06 00 01 00           | short frame",
      })
  void validatesWriteEchoes(String request, String response, String outcome) throws Exception {
    check(RtuResponseReader.forWrite(Hex.bytes(request)), Hex.bytes(response), outcome, 8);
  }

  @Test
  void namesTheExceptionCodeAndKeepsTheFunction() {
    FrameReader reader = RtuResponseReader.forRead(1, new ReadRequest(Table.HOLDING, 0, 1));

    ModbusExceptionResponse e =
        catchThrowableOfType(ModbusExceptionResponse.class, () -> read(reader, "01 83 02 C0 F1"));

    assertThat(e.functionCode()).isEqualTo(3);
    assertThat(e.exceptionCode()).isEqualTo(2);
    assertThat(e.exceptionName()).isEqualTo("illegal data address");
    assertThat(e).hasMessage("unit 1 answered function 3 with exception 2 (illegal data address)");
  }

  private static void check(FrameReader reader, byte[] line, String outcome, int frameLength)
      throws Exception {
    BytesInput in = new BytesInput(line);
    if (outcome.equals("ok")) {
      byte[] frame = reader.read(in);
      assertThat(frame).hasSize(frameLength).isEqualTo(java.util.Arrays.copyOf(line, frameLength));
      assertThat(in.unread()).isEqualTo(line.length - frameLength);
    } else {
      TransactionException e =
          catchThrowableOfType(TransactionException.class, () -> reader.read(in));
      assertThat(e).as("expected " + outcome).isNotNull();
      assertThat(e.reason()).isEqualTo(outcome);
      assertThat(e).isNotInstanceOf(ResponseTimeoutException.class);
    }
  }

  private static byte[] read(FrameReader reader, String hex) throws TransactionException {
    return reader.read(new BytesInput(Hex.bytes(hex)));
  }
}
