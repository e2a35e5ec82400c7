package cn.yichang.edge.bus;

import java.time.Duration;
import org.osgi.annotation.versioning.ConsumerType;

/** A device that a bus polls: one call of {@link #poll} reads all of its points. */
@ConsumerType
public interface PolledDevice {

  String id();

  Duration pollInterval();

  /**
   * Performs the transactions of one poll through the bus and hands on what they yielded.
   *
   * @return whether the device answered at all; a device that did not is backed off
   */
  boolean poll(Transactor transactor) throws InterruptedException;
}
