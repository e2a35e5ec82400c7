package cn.yichang.edge.hj212.internal.aggregate;

/**
 * One pollutant's value over a window.
 *
 * @param avg the mean of the valid samples; NaN when there was none (then only the flag is sent)
 * @param valid how many valid samples the window had
 */
public record Aggregate(
    String code, double avg, double min, double max, long valid, DataFlag flag) {

  public boolean hasValues() {
    return valid > 0;
  }
}
