package cn.yichang.edge.sim;

import cn.yichang.edge.sim.profile.ValueTicker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Serves simulated units on one pty from a script. Prints {@code READY port=... units=...} once
 * serving, reads {@link ConsoleCommands} from stdin, and prints statistics when stopped by SIGTERM
 * (or, with {@code --exit-on-eof}, when stdin closes). A script that starts it in the background
 * gets stdin from /dev/null, which is why stdin's end does not stop it by default.
 */
public final class SimulatorMain {

  private SimulatorMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    SimulatorOptions options;
    try {
      options = SimulatorOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("simulator: " + e.getMessage());
      System.err.print(SimulatorOptions.USAGE);
      System.exit(2);
      return;
    }
    PacedRtuSlave slave = PacedRtuSlave.start(options.line(), options.timing(), options.units());
    ValueTicker ticker = ValueTicker.start(options.profileUnits(), options.tick(), options.speed());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  ticker.close();
                  slave.close();
                  ConsoleCommands.printStatistics(slave.statistics(), System.out);
                  stopped.countDown();
                },
                "sim-shutdown"));
    System.out.printf(
        "READY port=%s baud=%d parity=%s timing=%s units=%s%n",
        options.line().port(),
        options.line().baud(),
        options.line().parity(),
        options.timing(),
        slave.units().stream()
            .map(unit -> String.valueOf(unit.address()))
            .collect(Collectors.joining(",")));
    System.out.flush();
    readCommands(new ConsoleCommands(slave, options.profileUnits(), System.out));
    if (options.exitOnStdinEof()) {
      System.exit(0); // runs the shutdown hook, which prints the statistics
    }
    stopped.await();
  }

  private static void readCommands(ConsoleCommands commands) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      commands.execute(line);
    }
  }
}
