package cn.yichang.edge.reading;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A whiteboard service that receives every reading set (the log, the console, the buffer).
 *
 * <p>Called on acquisition threads: an implementation must return quickly and never wait on the
 * disk or the network.
 */
@ConsumerType
public interface ReadingSink {

  /**
   * Service property naming a sink's role; the buffer registers with {@value #BUFFER_ROLE} and gets
   * every reading set before the other sinks.
   */
  String ROLE_PROPERTY = "sink.role";

  String BUFFER_ROLE = "buffer";

  void accept(ReadingSet readings);
}
