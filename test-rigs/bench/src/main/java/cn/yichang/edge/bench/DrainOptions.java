package cn.yichang.edge.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the drain benchmark runs: messages per drain, rounds, in-flight windows, protocols, the
 * broker's {@code max_inflight_messages}, and where scratch files go.
 */
record DrainOptions(
    int messages,
    int rounds,
    List<Integer> windows,
    List<String> protocols,
    int brokerInflight,
    Duration timeout,
    Path workDir) {

  static final String USAGE =
      """
      usage: run-drain-bench [--messages 50000] [--rounds 5] [--windows 20,1000]
                             [--protocols mqtt5,mqtt3] [--broker-inflight 65535]
                             [--timeout 120] [--work-dir DIR]
        --messages         reading sets in the store at the start of each drain
        --rounds           drains per protocol and window, gateway and bare Paho alternating
        --windows          in-flight windows to compare at (the gateway's default is 1000)
        --protocols        mqtt5 and/or mqtt3
        --broker-inflight  Mosquitto's max_inflight_messages = its MQTT 5 Receive Maximum
                           (Mosquitto's default is 20)
        --timeout          seconds one drain may take before it counts as failed
      """;

  DrainOptions {
    windows = List.copyOf(windows);
    protocols = List.copyOf(protocols);
    if (messages < 1 || rounds < 1 || windows.isEmpty() || protocols.isEmpty()) {
      throw new IllegalArgumentException("messages, rounds, windows and protocols are required");
    }
    for (int window : windows) {
      if (window < 1 || window > 65535) {
        throw new IllegalArgumentException("a window must be 1..65535: " + window);
      }
    }
    for (String protocol : protocols) {
      if (!protocol.equals("mqtt5") && !protocol.equals("mqtt3")) {
        throw new IllegalArgumentException("protocol must be mqtt5 or mqtt3: " + protocol);
      }
    }
    if (brokerInflight < 1 || brokerInflight > 65535) {
      throw new IllegalArgumentException("--broker-inflight must be 1..65535");
    }
  }

  static DrainOptions parse(String... args) {
    int messages = 50_000;
    int rounds = 5;
    List<Integer> windows = List.of(20, 1000);
    List<String> protocols = List.of("mqtt5", "mqtt3");
    int brokerInflight = 65535;
    Duration timeout = Duration.ofSeconds(120);
    Path work = Path.of(System.getProperty("java.io.tmpdir"));
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--messages" -> messages = Integer.parseInt(value);
        case "--rounds" -> rounds = Integer.parseInt(value);
        case "--broker-inflight" -> brokerInflight = Integer.parseInt(value);
        case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value));
        case "--work-dir" -> work = Path.of(value);
        case "--windows" -> {
          List<Integer> list = new ArrayList<>();
          for (String w : value.split(",")) {
            list.add(Integer.parseInt(w.trim()));
          }
          windows = list;
        }
        case "--protocols" -> protocols = List.of(value.split(","));
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return new DrainOptions(messages, rounds, windows, protocols, brokerInflight, timeout, work);
  }
}
