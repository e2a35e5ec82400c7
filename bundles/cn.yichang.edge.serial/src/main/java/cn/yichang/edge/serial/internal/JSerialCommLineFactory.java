package cn.yichang.edge.serial.internal;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.serial.SerialLine;
import cn.yichang.edge.serial.SerialLineFactory;
import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Opens real serial ports (and ptys) with jSerialComm. */
@Component(service = SerialLineFactory.class)
public final class JSerialCommLineFactory implements SerialLineFactory {
  // Null outside the gateway (the scan, read and commission commands): there the library closes
  // what is open.
  private volatile OwnedLines owned;

  /**
   * In the gateway, the lines' owners close them when the framework stops: jSerialComm's own
   * shutdown hook must not close them first (see {@link OwnedLines}).
   */
  @Activate
  void activate() {
    ownedBy(OwnedLines.gateway());
  }

  void ownedBy(OwnedLines lines) {
    this.owned = lines;
  }

  @Override
  public SerialLine open(LineSettings settings) throws IOException {
    String device = resolve(settings.port());
    SerialPort port;
    try {
      port = SerialPort.getCommPort(device);
    } catch (SerialPortInvalidPortException e) {
      throw new IOException(settings.port() + ": no such serial port", e);
    }
    port.setComPortParameters(
        settings.baud(), settings.dataBits(), stopBits(settings), parity(settings.parity()));
    port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
    if (!port.openPort()) {
      throw new IOException(
          settings.port() + ": cannot open (error " + port.getLastErrorCode() + ")");
    }
    return new JSerialCommLine(port, settings, owned);
  }

  /**
   * A USB adapter or a pty is often reached through a symlink (/dev/serial/by-id/..., a socat link)
   * whose target changes when it is re-plugged: resolve it at every open.
   */
  private static String resolve(String port) throws IOException {
    Path path = Path.of(port);
    if (!Files.exists(path)) {
      throw new IOException(port + ": no such serial port");
    }
    return path.toRealPath().toString();
  }

  private static int stopBits(LineSettings settings) {
    return settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
  }

  private static int parity(Parity parity) {
    return switch (parity) {
      case NONE -> SerialPort.NO_PARITY;
      case EVEN -> SerialPort.EVEN_PARITY;
      case ODD -> SerialPort.ODD_PARITY;
    };
  }
}
