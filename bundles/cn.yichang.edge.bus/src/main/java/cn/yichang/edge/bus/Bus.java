package cn.yichang.edge.bus;

import cn.yichang.edge.serial.LineSettings;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A serial bus and its scheduler, registered as a service with the property {@value #ID_PROPERTY}.
 */
@ProviderType
public interface Bus {

  String ID_PROPERTY = "bus.id";

  String id();

  LineSettings settings();

  /** Starts polling the device at its interval until the returned handle is closed. */
  Attachment attach(PolledDevice device);

  TransactionCounters counters();

  List<DeviceStatus> devices();

  /** Stops the polling of one device. */
  interface Attachment extends AutoCloseable {
    @Override
    void close();
  }
}
