package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.OutboundMessage;

/** A message on its way into a queue. */
record Queued(Queue queue, OutboundMessage message) {}
