package cn.yichang.edge.kura.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.kura.GatewayDescription;
import cn.yichang.edge.kura.GatewayDescriptionBuilder;
import cn.yichang.edge.kura.LifecyclePayloads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe against fake /proc and /sys trees, and against the machine running the test. */
class SystemProbeTest {

  private static final Map<String, String> PROPERTIES =
      Map.of(
          "os.name", "Linux",
          "os.version", "6.1.21-v8+",
          "os.arch", "aarch64",
          "java.vm.name", "OpenJDK 64-Bit Server VM",
          "java.vm.version", "17.0.15+6",
          "java.vm.info", "mixed mode",
          "java.runtime.name", "OpenJDK Runtime Environment",
          "java.runtime.version", "17.0.15+6",
          "org.osgi.framework.vendor", "Apache Software Foundation",
          "org.osgi.framework.version", "1.10");

  @TempDir Path root;

  @Test
  void aRaspberryPiTellsItsModelSerialAndCpu() throws IOException {
    write("proc/sys/kernel/hostname", "gw-yichang-01\n");
    write("proc/sys/kernel/version", "#1642 SMP PREEMPT Wed Mar 29 2023\n");
    write(
        "proc/cpuinfo",
        "processor\t: 0\nmodel name\t: ARMv7 Processor rev 3 (v7l)\n\n"
            + "Hardware\t: BCM2835\nSerial\t\t: 10000000a1b2c3d4\nModel\t\t: Raspberry Pi 4\n");
    write("sys/firmware/devicetree/base/model", "Raspberry Pi 4 Model B Rev 1.4\u0000");
    write(
        "sys/firmware/devicetree/base/compatible", "raspberrypi,4-model-b\u0000brcm,bcm2711\u0000");

    GatewayDescription probed = probe().build();

    assertThat(probed.displayName()).isEqualTo("gw-yichang-01");
    assertThat(probed.modelName()).isEqualTo("Raspberry Pi 4 Model B Rev 1.4");
    assertThat(probed.modelId()).isEqualTo("raspberrypi,4-model-b");
    assertThat(probed.serialNumber()).isEqualTo("10000000a1b2c3d4");
    assertThat(probed.cpuVersion()).isEqualTo("ARMv7 Processor rev 3 (v7l)");
    assertThat(probed.osVersion()).isEqualTo("6.1.21-v8+ #1642 SMP PREEMPT Wed Mar 29 2023");
    assertThat(probed.jvmVersion()).isEqualTo("17.0.15+6 mixed mode");
    assertThat(probed.jvmProfile()).isEqualTo("OpenJDK Runtime Environment 17.0.15+6");
    assertThat(probed.osgiFramework()).isEqualTo("Apache Software Foundation");
    assertThat(probed.acceptEncoding()).isEqualTo("gzip");
    assertThat(probed.payloadEncoding()).isEqualTo("KURA_PROTOBUF");
    assertThat(probed.biosVersion()).isNull();
  }

  @Test
  void aPcTellsItsModelFromDmi() throws IOException {
    write("etc/hostname", "bench-pc\n");
    write("proc/cpuinfo", "processor\t: 0\nmodel name\t: Intel(R) Core(TM) i5-8365U\n");
    write("sys/devices/virtual/dmi/id/product_name", "ThinkPad T490\n");
    write("sys/devices/virtual/dmi/id/board_name", "20N2CTO1WW\n");
    write("sys/devices/virtual/dmi/id/bios_version", "N2IET98W (1.76 )\n");

    GatewayDescription probed = probe().build();

    assertThat(probed.displayName()).isEqualTo("bench-pc");
    assertThat(probed.modelName()).isEqualTo("ThinkPad T490");
    assertThat(probed.modelId()).isEqualTo("20N2CTO1WW");
    assertThat(probed.biosVersion()).isEqualTo("N2IET98W (1.76 )");
    assertThat(probed.cpuVersion()).isEqualTo("Intel(R) Core(TM) i5-8365U");
    assertThat(probed.serialNumber()).isNull();
  }

  @Test
  void anEmptyMachineLeavesFieldsOutRatherThanFailing() {
    GatewayDescription probed =
        new SystemProbe(root, key -> null).fill(GatewayDescription.builder()).build();

    assertThat(probed.displayName()).isNotBlank();
    assertThat(probed.modelName()).isNull();
    assertThat(probed.os()).isNull();
    assertThat(probed.jvmVersion()).isNull();
    assertThat(probed.availableProcessors()).isPositive();
  }

  @Test
  void theRunningSystemGivesABirthWithTheJvmAndOs() {
    GatewayDescription gateway = GatewayDescription.fromRunningSystem().build();

    assertThat(gateway.os()).isEqualTo(System.getProperty("os.name"));
    assertThat(gateway.jvmName()).isEqualTo(System.getProperty("java.vm.name"));
    assertThat(gateway.totalMemoryKb()).isPositive();
    assertThat(LifecyclePayloads.birth(gateway, Duration.ofSeconds(1), Instant.EPOCH).metrics())
        .hasSizeGreaterThan(10);
  }

  private GatewayDescriptionBuilder probe() {
    return new SystemProbe(root, PROPERTIES::get).fill(GatewayDescription.builder());
  }

  private void write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
