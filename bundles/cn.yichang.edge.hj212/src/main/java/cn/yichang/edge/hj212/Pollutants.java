package cn.yichang.edge.hj212;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pollutant codes the gateway knows, with their units: the water codes of the standard's table
 * B.1 that water stations measure, and {@code w01003} turbidity, which B.1 lacks but surface-water
 * platforms use (in NTU). A code not listed may still be sent; its unit cannot be checked.
 */
public final class Pollutants {
  private static final Map<String, Pollutant> KNOWN = new LinkedHashMap<>();

  static {
    add("w00000", "wastewater flow", "L/s", 2);
    add("w01001", "pH", "1", 2);
    add("w01002", "colour", "1", 2);
    add("w01003", "turbidity", "{NTU}", 1);
    add("w01006", "total dissolved solids", "mg/L", 0);
    add("w01009", "dissolved oxygen", "mg/L", 1);
    add("w01010", "water temperature", "Cel", 1);
    add("w01012", "suspended solids", "mg/L", 0);
    add("w01014", "conductivity", "uS/cm", 1);
    add("w01017", "BOD5", "mg/L", 1);
    add("w01018", "COD", "mg/L", 1);
    add("w01019", "permanganate index", "mg/L", 1);
    add("w01020", "total organic carbon", "mg/L", 1);
    add("w21001", "total nitrogen", "mg/L", 2);
    add("w21003", "ammonia nitrogen", "mg/L", 2);
    add("w21011", "total phosphorus", "mg/L", 2);
    add("w21016", "cyanide", "mg/L", 3);
    add("w21017", "fluoride", "mg/L", 2);
    add("w22001", "petroleum", "mg/L", 2);
    add("w23002", "volatile phenol", "mg/L", 4);
    add("w20111", "total mercury", "ug/L", 2);
    add("w20116", "total chromium", "mg/L", 3);
    add("w20117", "hexavalent chromium", "ug/L", 3);
    add("w20119", "total arsenic", "ug/L", 3);
    add("w20120", "total lead", "ug/L", 0);
    add("w20115", "total cadmium", "ug/L", 1);
    add("w20122", "total copper", "mg/L", 2);
  }

  private Pollutants() {}

  public static Optional<Pollutant> of(String code) {
    return Optional.ofNullable(KNOWN.get(code));
  }

  /** What the gateway sends for a code it does not know: the value with up to 3 decimals. */
  public static Pollutant unknown(String code) {
    return new Pollutant(code, code, null, 3);
  }

  private static void add(String code, String name, String unit, int decimals) {
    KNOWN.put(code, new Pollutant(code, name, unit, decimals));
  }
}
