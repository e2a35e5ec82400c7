package cn.yichang.edge.profile.internal.lint;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small check of UCUM codes (the Unified Code for Units of Measure, case-sensitive form): the
 * grammar of terms ({@code mg/L}, {@code W/m2}, {@code kOhm.cm}, {@code /min}, {@code {NTU}}), the
 * SI prefixes on metric atoms, and a table of atoms: the SI and ISO 1000 units, the dimensionless
 * ones ({@code %}, {@code [ppm]}, {@code [pH]}) and a few customary ones. Not the whole of UCUM (no
 * clinical or historical units), which is enough for sensors; an atom outside the table is
 * reported, never silently accepted.
 *
 * <p>UCUM has no code for NTU or FNU; such units are written as an annotation, {@code {NTU}}, which
 * UCUM reads as a dimensionless count and keeps the name.
 */
final class Ucum {

  /** Atoms that take SI prefixes. */
  private static final Set<String> METRIC =
      Set.of(
          "m", "s", "g", "rad", "K", "C", "cd", "mol", "sr", "Hz", "N", "Pa", "J", "W", "A", "V",
          "F", "Ohm", "S", "Wb", "Cel", "T", "H", "lm", "lx", "Bq", "Gy", "Sv", "l", "L", "ar", "t",
          "bar", "u", "eV", "B", "Np", "mho", "bit", "By", "Bd", "m[H2O]", "m[Hg]", "cal", "10*",
          "10^");

  /** Atoms that do not take prefixes. */
  private static final Set<String> NON_METRIC =
      Set.of(
          "%",
          "[ppth]",
          "[ppm]",
          "[ppb]",
          "[pptr]",
          "[pi]",
          "[pH]",
          "deg",
          "gon",
          "'",
          "''",
          "min",
          "h",
          "d",
          "a",
          "wk",
          "mo",
          "a_t",
          "a_j",
          "mo_s",
          "mo_j",
          "atm",
          "[degF]",
          "[psi]",
          "[in_i]",
          "[ft_i]",
          "[yd_i]",
          "[mi_i]",
          "[nmi_i]",
          "[knot_i]",
          "[lb_av]",
          "[oz_av]",
          "[gal_us]",
          "[acr_us]",
          "Ao",
          "circ",
          "%[slope]",
          "[iU]",
          "[beth]");

  /** Prefixes, longest first where one starts another ({@code da} before {@code d}). */
  private static final String[] PREFIXES = {
    "da", "Y", "Z", "E", "P", "T", "G", "M", "k", "h", "d", "c", "m", "u", "n", "p", "f", "a", "z",
    "y"
  };

  /** Common spellings that are not UCUM, and the code to write instead. */
  private static final Map<String, String> SUGGESTIONS =
      Map.ofEntries(
          Map.entry("ppm", "[ppm]"),
          Map.entry("ppb", "[ppb]"),
          Map.entry("ppt", "[ppth]"),
          Map.entry("PSU", "[ppth]"),
          Map.entry("psu", "[ppth]"),
          Map.entry("NTU", "{NTU}"),
          Map.entry("[NTU]", "{NTU}"),
          Map.entry("FNU", "{FNU}"),
          Map.entry("pH", "[pH]"),
          Map.entry("°C", "Cel"),
          Map.entry("degC", "Cel"),
          Map.entry("℃", "Cel"),
          Map.entry("°", "deg"),
          Map.entry("%RH", "%"),
          Map.entry("RH", "%"),
          Map.entry("lux", "lx"),
          Map.entry("Lux", "lx"),
          Map.entry("bpm", "/min"),
          Map.entry("rpm", "/min"),
          Map.entry("hr", "h"),
          Map.entry("sec", "s"),
          Map.entry("kph", "km/h"),
          Map.entry("km/hr", "km/h"),
          Map.entry("mph", "[mi_i]/h"),
          Map.entry("W/m²", "W/m2"),
          Map.entry("m³/h", "m3/h"),
          Map.entry("µS/cm", "uS/cm"),
          Map.entry("μS/cm", "uS/cm"),
          Map.entry("ohm", "Ohm"));

  /** Valid codes that are almost always a misspelling of another. */
  private static final Map<String, String> SUSPICIOUS =
      Map.of(
          "us/cm", "uS/cm (us/cm is microseconds per centimetre)",
          "ms/cm", "mS/cm (ms/cm is milliseconds per centimetre)",
          "c", "Cel (c alone is not UCUM; C is the coulomb)",
          "C", "Cel (C is the coulomb)");

  private Ucum() {}

  /** Why {@code code} is not a UCUM code we know, or empty when it is one. */
  static Optional<String> problem(String code) {
    String suggestion = SUGGESTIONS.get(code);
    if (suggestion != null) {
      return Optional.of("\"" + code + "\" is not a UCUM code; write \"" + suggestion + "\"");
    }
    String error = new Parser(code).parse();
    return error == null
        ? Optional.empty()
        : Optional.of("\"" + code + "\" is not a UCUM code: " + error);
  }

  /** What a valid but unlikely code probably meant, or empty. */
  static Optional<String> suspicious(String code) {
    return Optional.ofNullable(SUSPICIOUS.get(code))
        .map(s -> "\"" + code + "\": did you mean " + s + "?");
  }

  private static boolean atom(String symbol) {
    if (METRIC.contains(symbol) || NON_METRIC.contains(symbol)) {
      return true;
    }
    for (String prefix : PREFIXES) {
      if (symbol.startsWith(prefix) && METRIC.contains(symbol.substring(prefix.length()))) {
        return true;
      }
    }
    return false;
  }

  /** Recursive descent over UCUM's grammar; returns null when the whole text is a term. */
  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    String parse() {
      if (text.isEmpty()) {
        return "empty (leave the unit out instead)";
      }
      String error = text.charAt(0) == '/' ? next(1) : null;
      if (error == null) {
        error = term();
      }
      if (error == null && at < text.length()) {
        error = "unexpected \"" + text.charAt(at) + "\" at " + (at + 1);
      }
      return error;
    }

    private String next(int skip) {
      at += skip;
      return null;
    }

    private String term() {
      String error = component();
      while (error == null && at < text.length() && (peek() == '.' || peek() == '/')) {
        at++;
        error = component();
      }
      return error;
    }

    private String component() {
      if (at >= text.length()) {
        return "a unit is missing at the end";
      }
      char c = peek();
      if (c == '(') {
        at++;
        String error = term();
        if (error != null) {
          return error;
        }
        if (at >= text.length() || peek() != ')') {
          return "unclosed \"(\"";
        }
        at++;
        return null;
      }
      if (c == '{') {
        return annotation();
      }
      if (Character.isDigit(c) && !text.startsWith("10*", at) && !text.startsWith("10^", at)) {
        while (at < text.length() && Character.isDigit(peek())) {
          at++;
        }
        return null; // a factor
      }
      int start = at;
      while (at < text.length() && ".(){}/".indexOf(peek()) < 0) {
        if (peek() == '[') {
          int close = text.indexOf(']', at);
          if (close < 0) {
            return "unclosed \"[\"";
          }
          at = close + 1;
        } else {
          at++;
        }
      }
      String symbol = text.substring(start, at);
      // a trailing exponent: m2, s-1, 10*3
      int exponent = symbol.length();
      while (exponent > 0 && Character.isDigit(symbol.charAt(exponent - 1))) {
        exponent--;
      }
      if (exponent > 0
          && exponent < symbol.length()
          && (symbol.charAt(exponent - 1) == '-' || symbol.charAt(exponent - 1) == '+')) {
        exponent--;
      }
      String atom = exponent == 0 ? symbol : symbol.substring(0, exponent);
      if (symbol.isEmpty()) {
        return "a unit is missing at " + (start + 1);
      }
      if (!atom(atom)) {
        return "unknown unit \"" + atom + "\"";
      }
      if ((atom.equals("10*") || atom.equals("10^")) && exponent == symbol.length()) {
        return "\"" + atom + "\" needs an exponent";
      }
      if (at < text.length() && peek() == '{') {
        return annotation();
      }
      return null;
    }

    private String annotation() {
      int close = text.indexOf('}', at);
      if (close < 0) {
        return "unclosed \"{\"";
      }
      String inside = text.substring(at + 1, close);
      if (inside.indexOf('{') >= 0 || !inside.chars().allMatch(ch -> ch >= 33 && ch <= 126)) {
        return "an annotation {...} holds printable ASCII only, without braces or spaces";
      }
      at = close + 1;
      return null;
    }

    private char peek() {
      return text.charAt(at);
    }
  }
}
