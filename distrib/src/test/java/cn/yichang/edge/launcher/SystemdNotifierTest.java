package cn.yichang.edge.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemdNotifierTest {

  @Test
  void noNotifySocketNoNotifier() {
    assertThat(SystemdNotifier.fromEnvironment(Map.of(), 42)).isEmpty();
  }

  @Test
  void watchdogOnlyForTheProcessItIsMeantFor() {
    Map<String, String> env =
        Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "30000000");
    assertThat(SystemdNotifier.fromEnvironment(env, 42).orElseThrow().watchdogMicros())
        .isEqualTo(30_000_000L);
    Map<String, String> other = new java.util.HashMap<>(env);
    other.put("WATCHDOG_PID", "7");
    assertThat(SystemdNotifier.fromEnvironment(other, 42).orElseThrow().watchdogMicros()).isZero();
    other.put("WATCHDOG_PID", "42");
    assertThat(SystemdNotifier.fromEnvironment(other, 42).orElseThrow().watchdogMicros())
        .isEqualTo(30_000_000L);
  }

  @Test
  void pathAndAbstractSocketAddresses() {
    byte[] path = SystemdNotifier.sockaddr("/run/n");
    assertThat(ByteBuffer.wrap(path).order(ByteOrder.nativeOrder()).getShort())
        .isEqualTo((short) 1);
    assertThat(new String(path, 2, 6)).isEqualTo("/run/n");
    assertThat(path).hasSize(2 + 6 + 1).endsWith(0);

    byte[] abstractName = SystemdNotifier.sockaddr("@sd");
    assertThat(abstractName).hasSize(2 + 3);
    assertThat(abstractName[2]).isZero();
    assertThat(new String(abstractName, 3, 2)).isEqualTo("sd");
  }
}
