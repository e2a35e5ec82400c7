package cn.yichang.edge.sim;

/** Bytes as one read returned them, with the {@link System#nanoTime()} of their arrival. */
record TimedChunk(byte[] bytes, long arrivalNanos) {}
