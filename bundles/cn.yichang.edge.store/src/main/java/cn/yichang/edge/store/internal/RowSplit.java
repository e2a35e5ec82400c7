package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.OutboundMessage;
import java.util.List;

/**
 * A row of {@code queue} whose payload becomes {@code first}, with {@code rest} inserted after it.
 */
record RowSplit(Queue queue, long id, byte[] first, List<OutboundMessage> rest) {

  RowSplit {
    rest = List.copyOf(rest);
  }
}
