package cn.yichang.edge.uplink.session;

/** Makes a fresh, unconnected session for each connection attempt. */
@FunctionalInterface
public interface SessionFactory {

  MqttSession open(SessionOptions options, SessionListener listener) throws SessionException;
}
