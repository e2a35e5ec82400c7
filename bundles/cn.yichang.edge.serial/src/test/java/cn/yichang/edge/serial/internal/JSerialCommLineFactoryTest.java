package cn.yichang.edge.serial.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.serial.LineSettings;
import cn.yichang.edge.serial.Parity;
import cn.yichang.edge.serial.SerialLine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jSerialComm line on a real pseudo-terminal pair made by socat. */
class JSerialCommLineFactoryTest {
  @TempDir Path dir;
  private Process socat;
  private Path gateway;
  private Path device;

  @BeforeEach
  void startPtyPair() throws IOException {
    assumeThat(Files.isExecutable(Path.of("/usr/bin/socat"))).as("socat installed").isTrue();
    gateway = dir.resolve("ttyGW");
    device = dir.resolve("ttyDEV");
    socat =
        new ProcessBuilder(
                "socat", "pty,raw,echo=0,link=" + gateway, "pty,raw,echo=0,link=" + device)
            .redirectErrorStream(true)
            .start();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.exists(gateway) && Files.exists(device));
  }

  @AfterEach
  void stopPtyPair() {
    if (socat != null) {
      socat.destroy();
    }
  }

  private SerialLine open(Path port) throws IOException {
    return new JSerialCommLineFactory()
        .open(new LineSettings(port.toString(), 9600, Parity.NONE, 8, 1));
  }

  @Test
  void carriesBytesBothWaysThroughASymlinkedPty() throws IOException {
    try (SerialLine a = open(gateway);
        SerialLine b = open(device)) {
      a.write(new byte[] {1, 3, 0, 0, 0, 10, (byte) 0xC5, (byte) 0xCD});

      byte[] received = readExactly(b, 8);

      assertThat(received).containsExactly(1, 3, 0, 0, 0, 10, 0xC5, 0xCD);
    }
  }

  @Test
  void aReadWithNothingToReadReturnsZeroAfterItsTimeout() throws IOException {
    try (SerialLine a = open(gateway)) {
      assertThat(a.read(new byte[4], 0, 4, Duration.ofMillis(20).toNanos())).isZero();
    }
  }

  @Test
  void discardsWhatWasReceivedAndNotRead() throws IOException {
    try (SerialLine a = open(gateway);
        OutputStream deviceOut = Files.newOutputStream(device)) {
      deviceOut.write(new byte[] {7, 7, 7});
      deviceOut.flush();
      await().atMost(Duration.ofSeconds(5)).until(() -> peekable(a));

      a.discardInput();

      assertThat(a.read(new byte[4], 0, 4, Duration.ofMillis(20).toNanos())).isZero();
    }
  }

  @Test
  void aMissingPortIsAnErrorNamingIt() {
    Path missing = dir.resolve("ttyUSB9");

    assertThatThrownBy(() -> open(missing))
        .isInstanceOf(IOException.class)
        .hasMessage(missing + ": no such serial port");
  }

  @Test
  void aWriteTheSystemRefusesIsAnErrorRatherThanRetriedForEver() throws Exception {
    try (SerialLine a = open(gateway)) {
      // The other end of the pty goes away, as a USB adapter does when it is unplugged: write(2)
      // fails (EIO), which jSerialComm reports as 0 bytes written.
      socat.destroy();
      socat.waitFor(10, TimeUnit.SECONDS);
      byte[] request = {1, 3, 0, 0, 0, 10, (byte) 0xC5, (byte) 0xCD};

      CompletableFuture<Void> write =
          CompletableFuture.runAsync(
              () -> {
                try {
                  a.write(request);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });

      assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS))
          .as("the write ends (it spun for ever before)")
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(gateway + ": write failed");
    }
  }

  @Test
  void theLibrarysShutdownHookClosesNothingBeforeTheGatewayHasClosedItsLines() throws Exception {
    List<Thread> libraryHooks = new CopyOnWriteArrayList<>();
    JSerialCommLineFactory factory = new JSerialCommLineFactory();
    factory.ownedBy(new OwnedLines(libraryHooks::add));
    LineSettings settings = new LineSettings(gateway.toString(), 9600, Parity.NONE, 8, 1);
    SerialLine a = factory.open(settings);
    SerialLine b = factory.open(new LineSettings(device.toString(), 9600, Parity.NONE, 8, 1));
    assertThat(libraryHooks).as("registered once, with the first line").hasSize(1);
    Thread hook = libraryHooks.get(0);

    hook.start();
    a.close();

    hook.join(300); // a hook that does not wait has ended by now
    assertThat(hook.isAlive()).as("waits while a line is open").isTrue();
    b.close();
    hook.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(hook.isAlive()).as("returns once all are closed").isFalse();
  }

  /** Waits until the line has input, without consuming it (jSerialComm counts it). */
  private static boolean peekable(SerialLine line) {
    return ((JSerialCommLine) line).available() > 0;
  }

  private static byte[] readExactly(SerialLine line, int n) throws IOException {
    byte[] buffer = new byte[n];
    int got = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (got < n && System.nanoTime() < deadline) {
      got += line.read(buffer, got, n - got, Duration.ofMillis(100).toNanos());
    }
    return Arrays.copyOf(buffer, got);
  }
}
