package cn.yichang.edge.hj212;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A pollutant code of the standard's table B.1 (water), with the unit its values are sent in and
 * the decimals of its data type ({@code N4.2}: 2).
 *
 * @param unit the UCUM code of the standard's unit, as profiles write units ({@code mg/L}, {@code
 *     Cel}, {@code uS/cm}); {@code 1} for a dimensionless value such as pH
 */
public record Pollutant(String code, String name, String unit, int decimals) {

  /** The value as it is written in a packet: rounded half up to the decimals, no trailing zeros. */
  public String format(double value) {
    BigDecimal d = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    d = d.stripTrailingZeros();
    if (d.scale() < 0) {
      d = d.setScale(0);
    }
    String text = d.toPlainString();
    return text.equals("-0") ? "0" : text;
  }
}
