package cn.yichang.edge.sim;

/**
 * Counters of one simulated unit.
 *
 * @param requests requests addressed to it with a valid CRC
 * @param replies replies written (including exceptions and corrupted ones)
 * @param exceptions exception replies among them
 */
public record UnitStatistics(int unit, long requests, long replies, long exceptions) {}
