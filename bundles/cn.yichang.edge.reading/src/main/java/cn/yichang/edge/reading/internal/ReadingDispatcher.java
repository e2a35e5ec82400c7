package cn.yichang.edge.reading.internal;

import cn.yichang.edge.reading.ReadingPublisher;
import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.reading.ReadingSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands every reading set to every {@link ReadingSink}; one failing sink does not stop others. */
@Component
public final class ReadingDispatcher implements ReadingPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(ReadingDispatcher.class);

  // Sinks come and go while acquisition runs (the buffer restarts on a configuration change).
  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  volatile List<ReadingSink> sinks = new CopyOnWriteArrayList<>();

  public ReadingDispatcher() {}

  ReadingDispatcher(List<ReadingSink> sinks) {
    this.sinks = sinks;
  }

  @Override
  public void publish(ReadingSet readings) {
    for (ReadingSink sink : sinks) {
      try {
        sink.accept(readings);
      } catch (RuntimeException e) {
        LOG.error("{} failed on a reading set of {}", sink, readings.deviceId(), e);
      }
    }
  }
}
