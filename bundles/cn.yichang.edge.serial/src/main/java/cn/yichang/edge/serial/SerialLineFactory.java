package cn.yichang.edge.serial;

import cn.yichang.edge.serial.internal.JSerialCommLineFactory;
import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/** Opens serial lines by port name (a device path such as /dev/ttyUSB0 or a pty link). */
@ProviderType
public interface SerialLineFactory {

  /** The serial ports of this machine (jSerialComm), for a tool outside the gateway. */
  static SerialLineFactory systemPorts() {
    return new JSerialCommLineFactory();
  }

  SerialLine open(LineSettings settings) throws IOException;
}
