package cn.yichang.edge.reading.internal;

import cn.yichang.edge.reading.ReadingPublisher;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.reading.ReadingSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every reading set to the buffer first, then to every other {@link ReadingSink}; one failing
 * sink does not stop the others.
 *
 * <p>When the site has a buffer, its configuration ({@value #PID}) sets {@code
 * buffer.cardinality.minimum=1}: this publisher, and so acquisition, then waits until the buffer is
 * there, and no reading is taken that could not be kept.
 */
@Component(
    configurationPid = ReadingDispatcher.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class ReadingDispatcher implements ReadingPublisher {
  static final String PID = "cn.yichang.edge.reading";
  private static final Logger LOG = LoggerFactory.getLogger(ReadingDispatcher.class);

  // Sinks come and go while acquisition runs (the log, the console).
  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      target = "(!(" + ReadingSink.ROLE_PROPERTY + "=" + ReadingSink.BUFFER_ROLE + "))")
  volatile List<ReadingSink> sinks = new CopyOnWriteArrayList<>();

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      target = "(" + ReadingSink.ROLE_PROPERTY + "=" + ReadingSink.BUFFER_ROLE + ")")
  volatile List<ReadingSink> buffer = new CopyOnWriteArrayList<>();

  public ReadingDispatcher() {}

  ReadingDispatcher(List<ReadingSink> buffer, List<ReadingSink> sinks) {
    this.buffer = buffer;
    this.sinks = sinks;
  }

  @Override
  public void publish(ReadingSet readings) {
    deliver(buffer, readings);
    deliver(sinks, readings);
  }

  private static void deliver(List<ReadingSink> to, ReadingSet readings) {
    for (ReadingSink sink : to) {
      try {
        sink.accept(readings);
      } catch (RuntimeException e) {
        LOG.error("{} failed on a reading set of {}", sink, readings.deviceId(), e);
      }
    }
  }
}
