package cn.yichang.edge.uplink.internal.session;

/** Told when an established connection ends without our asking. */
@FunctionalInterface
public interface SessionListener {

  void connectionLost(String reason);
}
