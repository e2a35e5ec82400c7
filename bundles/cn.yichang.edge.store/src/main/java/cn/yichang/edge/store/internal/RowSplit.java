package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.OutboundMessage;
import java.util.List;

/** A row whose payload becomes {@code first}, with {@code rest} inserted after it. */
record RowSplit(long id, byte[] first, List<OutboundMessage> rest) {

  RowSplit {
    rest = List.copyOf(rest);
  }
}
