package cn.yichang.edge.distrib;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** test-rigs/peers/pymodbus_device.py: Debian's pymodbus as an independent RTU device. */
final class PythonModbusDevice implements AutoCloseable {
  static final Path PEERS = Path.of(System.getProperty("sanxia.peers", "../test-rigs/peers"));

  private final Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();

  private PythonModbusDevice(Process process) {
    this.process = process;
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  output.add(line);
                }
              } catch (IOException e) {
                // gone
              }
            },
            "pymodbus-output");
    pump.setDaemon(true);
    pump.start();
  }

  /** Starts the device on {@code port} and waits until it serves. */
  static PythonModbusDevice start(Path port, int baud, String... unitArgs) throws IOException {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "/usr/bin/python3",
            PEERS.resolve("pymodbus_device.py").toString(),
            "--port",
            port.toString(),
            "--baud",
            String.valueOf(baud)));
    command.addAll(List.of(unitArgs));
    PythonModbusDevice device =
        new PythonModbusDevice(new ProcessBuilder(command).redirectErrorStream(true).start());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                device.output.stream().anyMatch(l -> l.startsWith("READY"))
                    || !device.process.isAlive());
    if (!device.process.isAlive()) {
      throw new IllegalStateException("pymodbus device did not start:\n" + device.output);
    }
    return device;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
