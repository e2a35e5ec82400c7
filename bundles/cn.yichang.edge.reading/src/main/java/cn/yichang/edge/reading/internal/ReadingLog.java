package cn.yichang.edge.reading.internal;

import cn.yichang.edge.reading.ReadingSet;
import cn.yichang.edge.reading.ReadingSink;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every reading set on one line (logger {@code cn.yichang.edge.readings}). */
@Component
public final class ReadingLog implements ReadingSink {
  private static final Logger LOG = LoggerFactory.getLogger("cn.yichang.edge.readings");

  @Override
  public void accept(ReadingSet readings) {
    if (LOG.isInfoEnabled()) {
      LOG.info(ReadingFormat.line(readings));
    }
  }
}
