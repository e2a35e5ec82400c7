package cn.yichang.edge.modbus;

import cn.yichang.edge.bus.TransactionException;
import cn.yichang.edge.bus.Transactor;
import cn.yichang.edge.modbus.internal.ModbusDevicePoller;
import cn.yichang.edge.modbus.internal.ReadBlock;
import cn.yichang.edge.modbus.internal.RequestPlanner;
import cn.yichang.edge.modbus.internal.RtuMaster;
import cn.yichang.edge.modbus.internal.RtuRequests;
import cn.yichang.edge.modbus.internal.RtuResponseReader;
import cn.yichang.edge.profile.DeviceProfile;
import cn.yichang.edge.profile.Table;
import cn.yichang.edge.reading.ReadingSet;
import java.time.Clock;
import java.time.Duration;

/**
 * Modbus RTU over a transactor of one's own, outside the gateway's buses (the {@code scan}, {@code
 * read} and {@code commission} tools): the gateway's framing, CRC, request plan and decoding.
 */
public final class RtuClient {

  /** The profile protocol a Modbus RTU device has. */
  public static final String PROTOCOL = "modbus-rtu";

  public static final int MIN_UNIT = RtuRequests.MIN_UNIT;
  public static final int MAX_UNIT = RtuRequests.MAX_UNIT;

  /** A read's response: the frame as it came (CRC included) and what it carried. */
  public record Response(byte[] frame, RegisterBlock block) {}

  private final Transactor transactor;
  private final RtuMaster master;

  public RtuClient(Transactor transactor) {
    this.transactor = transactor;
    this.master = new RtuMaster(transactor);
  }

  /** The request frame of a read, as sent on the line (CRC included). */
  public static byte[] readFrame(int unit, ReadRequest request) {
    return RtuRequests.read(unit, request);
  }

  /** One read of {@code request}. */
  public Response read(int unit, ReadRequest request)
      throws TransactionException, InterruptedException {
    byte[] frame =
        transactor.transact(readFrame(unit, request), RtuResponseReader.forRead(unit, request));
    return new Response(frame, ReadBlock.fromFrame(request, frame));
  }

  /** FC 3 (holding) or 4 (input); each register as 0..65535. */
  public int[] readRegisters(int unit, Table table, int address, int count)
      throws TransactionException, InterruptedException {
    return master.readRegisters(unit, table, address, count);
  }

  /**
   * One poll of a device as the gateway polls it (the profile's request plan on this line), its
   * readings not published anywhere.
   *
   * @throws IllegalArgumentException for a profile of another protocol
   */
  public ReadingSet poll(String id, DeviceProfile profile, int unit) throws InterruptedException {
    ModbusDevicePoller poller =
        new ModbusDevicePoller(
            id,
            profile,
            unit,
            Duration.ofSeconds(1),
            RequestPlanner.plan(profile, transactor.settings()),
            set -> {},
            Clock.systemUTC());
    return poller.read(transactor).set();
  }
}
