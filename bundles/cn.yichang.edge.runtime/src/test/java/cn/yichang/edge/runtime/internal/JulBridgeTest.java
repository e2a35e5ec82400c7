package cn.yichang.edge.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.logging.ConsoleHandler;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A JUL record of Paho's reaches the gateway's log (logback), and nothing reaches the console. */
class JulBridgeTest {

  @Test
  void pahosSevereBrokenPipeGoesToTheLogAtDebugAndNotToTheConsole() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Logger root = Logger.getLogger("");
    ConsoleHandler jdkConsole = new ConsoleHandler(); // what conf/logging.properties installs
    root.addHandler(jdkConsole);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    ch.qos.logback.classic.Logger paho =
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("org.eclipse.paho");
    paho.setLevel(Level.DEBUG); // the distribution logs WARN and above: this shows what arrives
    paho.setAdditive(false); // only into the list, so the console shows what JUL itself printed
    paho.addAppender(log);
    log.start();
    JulBridge bridge = null;
    try {
      System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
      bridge = new JulBridge();
      Logger.getLogger("org.eclipse.paho.client.mqttv3.internal.CommsSender")
          .log(
              java.util.logging.Level.SEVERE,
              "gw: Timed out as no activity",
              new SocketException("Broken pipe"));
    } finally {
      if (bridge != null) {
        bridge.deactivate();
      }
      root.removeHandler(jdkConsole);
      System.setOut(out);
      System.setErr(err);
      paho.detachAppender(log);
      paho.setAdditive(true);
      paho.setLevel(null);
    }
    assertThat(log.list).hasSize(1);
    ILoggingEvent event = log.list.get(0);
    assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
    assertThat(event.getLoggerName())
        .isEqualTo("org.eclipse.paho.client.mqttv3.internal.CommsSender");
    assertThat(event.getFormattedMessage()).isEqualTo("gw: Timed out as no activity");
    assertThat(event.getThrowableProxy().getMessage()).isEqualTo("Broken pipe");
    assertThat(console.toString(StandardCharsets.UTF_8))
        .doesNotContain("Broken pipe")
        .doesNotContain("SEVERE");
  }
}
