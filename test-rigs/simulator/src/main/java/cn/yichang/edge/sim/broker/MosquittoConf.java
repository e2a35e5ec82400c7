package cn.yichang.edge.sim.broker;

import java.nio.file.Path;

/** The mosquitto.conf of a test broker: loopback only, client certificates required on TLS. */
final class MosquittoConf {

  private MosquittoConf() {}

  /**
   * @param runAs the user mosquitto drops to when started as root, or null when not root
   * @param plaintextPort the plaintext listener's port, or 0 for none
   */
  static String text(
      Path dir, int tlsPort, int plaintextPort, BrokerOptions options, String runAs) {
    StringBuilder conf = new StringBuilder();
    conf.append("# Written by MosquittoBroker for one test run; deleted with its directory.\n");
    if (runAs != null) {
      conf.append("user ").append(runAs).append('\n');
    }
    conf.append("per_listener_settings true\n");
    if (options.keepSessionsAcrossRestarts()) {
      conf.append("persistence true\n");
      conf.append("persistence_location ").append(dir).append("/\n");
      conf.append("autosave_interval 0\n");
    } else {
      conf.append("persistence false\n");
    }
    // A test subscriber may lag behind a benchmark publisher: never drop what it has not read.
    conf.append("max_queued_messages 0\n");
    if (options.maxInflightMessages() > 0) {
      conf.append("max_inflight_messages ").append(options.maxInflightMessages()).append('\n');
    }
    if (options.maxPacketSize() > 0) {
      conf.append("max_packet_size ").append(options.maxPacketSize()).append('\n');
    }
    // To stderr, which the harness appends to the log file: nothing for mosquitto to open or chown.
    conf.append("log_dest stderr\n");
    for (String type : new String[] {"error", "warning", "notice", "information", "subscribe"}) {
      conf.append("log_type ").append(type).append('\n');
    }
    conf.append("connection_messages true\n");
    conf.append("log_timestamp_format %Y-%m-%dT%H:%M:%S\n\n");

    conf.append("listener ").append(tlsPort).append(" 127.0.0.1\n");
    conf.append("cafile ").append(dir.resolve(MosquittoBroker.CA_FILE)).append('\n');
    conf.append("certfile ").append(dir.resolve(MosquittoBroker.CERT_FILE)).append('\n');
    conf.append("keyfile ").append(dir.resolve(MosquittoBroker.KEY_FILE)).append('\n');
    conf.append("require_certificate true\n");
    conf.append("use_identity_as_username true\n");
    conf.append("allow_anonymous false\n");
    if (plaintextPort > 0) {
      conf.append("\nlistener ").append(plaintextPort).append(" 127.0.0.1\n");
      conf.append("allow_anonymous true\n");
    }
    return conf.toString();
  }
}
