package cn.yichang.edge.hj212.internal.transport;

import java.util.HashSet;
import java.util.Set;

/** The QNs the platform acknowledged (CN 9014) that the sender has not yet taken. */
final class AckWaiter {
  private final Set<String> acked = new HashSet<>();

  synchronized void acknowledged(String qn) {
    acked.add(qn);
    notifyAll();
  }

  /** Whether {@code qn} was acknowledged within {@code millis}. */
  synchronized boolean await(String qn, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (!acked.remove(qn)) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  synchronized void clear() {
    acked.clear();
  }
}
