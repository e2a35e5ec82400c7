package cn.yichang.edge.store.internal;

import cn.yichang.edge.store.Priority;
import java.time.Instant;

/** What the buffer holds of one priority: how many messages, acquired between when and when. */
record PrioritySpan(Priority priority, long count, Instant oldest, Instant newest) {}
