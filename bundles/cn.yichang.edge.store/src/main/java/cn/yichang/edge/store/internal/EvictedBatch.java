package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.Priority;
import java.time.Instant;

/** Messages dropped in one eviction batch: all of one queue and priority, the oldest first. */
record EvictedBatch(Queue queue, Priority priority, int count, Instant oldest, Instant newest) {}
