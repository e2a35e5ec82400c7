package cn.yichang.edge.store.internal;

import java.util.concurrent.atomic.AtomicLong;

/** What belongs to the buffer file rather than to one queue: its size, commits, replacements. */
final class FileFigures {
  final AtomicLong bytes = new AtomicLong();
  final AtomicLong commits = new AtomicLong();
  final AtomicLong corrupt = new AtomicLong();
}
