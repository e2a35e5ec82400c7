package cn.yichang.edge.uplink;

import org.osgi.annotation.versioning.ConsumerType;

/** Takes the messages of the control subscription (see {@link ControlChannel#receive}). */
@ConsumerType
@FunctionalInterface
public interface ControlReceiver {

  /** Called on the MQTT client's thread: hand the work off, return quickly, throw nothing. */
  void received(String topic, byte[] payload);
}
