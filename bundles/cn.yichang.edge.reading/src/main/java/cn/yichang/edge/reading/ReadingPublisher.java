package cn.yichang.edge.reading;

import org.osgi.annotation.versioning.ProviderType;

/** Where acquisition hands every reading set; it fans them out to all {@link ReadingSink}s. */
@ProviderType
public interface ReadingPublisher {

  /** Returns quickly: sinks must not block the acquisition thread that calls this. */
  void publish(ReadingSet readings);
}
