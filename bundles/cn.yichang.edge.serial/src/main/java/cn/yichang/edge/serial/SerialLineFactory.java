package cn.yichang.edge.serial;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/** Opens serial lines by port name (a device path such as /dev/ttyUSB0 or a pty link). */
@ProviderType
public interface SerialLineFactory {

  SerialLine open(LineSettings settings) throws IOException;
}
