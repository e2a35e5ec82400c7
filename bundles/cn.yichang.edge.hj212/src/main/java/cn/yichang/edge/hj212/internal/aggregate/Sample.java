package cn.yichang.edge.hj212.internal.aggregate;

/**
 * One pollutant's reading, in the pollutant's standard unit.
 *
 * @param value NaN when the point gave no number (then the flag says why)
 */
public record Sample(String code, double value, DataFlag flag) {}
