package cn.yichang.edge.modbus;

import cn.yichang.edge.profile.Point;
import cn.yichang.edge.reading.PointReading;
import org.osgi.annotation.versioning.ProviderType;

/** The data a valid read response carried, addressed as the device addresses it. Immutable. */
@ProviderType
public interface RegisterBlock {

  ReadRequest request();

  boolean contains(int address, int count);

  /** The register at a wire address, 0..65535. */
  int register(int address);

  /** A coil or discrete input. */
  boolean bit(int address);

  /** The point's value as the gateway decodes it from these registers or bits. */
  PointReading decode(Point point);
}
