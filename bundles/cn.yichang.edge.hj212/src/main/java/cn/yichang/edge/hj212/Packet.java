package cn.yichang.edge.hj212;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One packet's data segment: {@code QN=...;ST=..;CN=....;PW=...;MN=...;Flag=.;[PNUM=.;PNO=.;]CP=&&
 * ... &&}, in the standard's order.
 *
 * @param qn the request number, {@code yyyyMMddHHmmssSSS}; null when the packet has none
 * @param st the system code (21 surface water, 32 water pollution source, 91 system interaction)
 * @param cn the command code
 * @param flag the Flag field; null when the packet has none
 * @param pnum of a split packet, how many there are; 0 when not split
 * @param pno of a split packet, which this is, from 1; 0 when not split
 */
public record Packet(
    String qn,
    String st,
    String cn,
    String pw,
    String mn,
    Integer flag,
    int pnum,
    int pno,
    CpFields cp) {

  /** Flag bit 0: the platform is to acknowledge the upload (CN 9014). */
  public static final int FLAG_ACK = 1;

  /** Flag bit 1: a split packet, with PNUM and PNO. */
  public static final int FLAG_SPLIT = 2;

  /** Flag bits 2-7, the protocol version: 000001 for HJ 212-2017. */
  public static final int FLAG_2017 = 1 << 2;

  private static final java.util.Set<String> HEADER =
      java.util.Set.of("QN", "ST", "CN", "PW", "MN", "Flag", "PNUM", "PNO");

  /** Whether Flag asks for an acknowledgement. */
  public boolean acknowledgeRequested() {
    return flag != null && (flag & FLAG_ACK) != 0;
  }

  public Packet withQn(String qn) {
    return new Packet(qn, st, cn, pw, mn, flag, pnum, pno, cp);
  }

  /** This packet's data segment as sent. */
  public String data() {
    StringBuilder d = new StringBuilder();
    if (qn != null) {
      d.append("QN=").append(qn).append(';');
    }
    d.append("ST=").append(st).append(";CN=").append(cn).append(";PW=").append(pw);
    d.append(";MN=").append(mn).append(';');
    if (flag != null) {
      d.append("Flag=").append(flag).append(';');
    }
    if (pnum > 0) {
      d.append("PNUM=").append(pnum).append(";PNO=").append(pno).append(';');
    }
    return d.append("CP=&&").append(cp).append("&&").toString();
  }

  /** Reads a data segment (what lies between a packet's length and its CRC). */
  public static Packet parse(String data) throws MalformedPacketException {
    int cpAt = data.indexOf("CP=&&");
    if (cpAt < 0) {
      throw new MalformedPacketException("no CP=&&");
    }
    if (!data.endsWith("&&") || data.length() < cpAt + 7) {
      throw new MalformedPacketException("CP does not end with &&");
    }
    Map<String, String> header = new LinkedHashMap<>();
    String head = data.substring(0, cpAt);
    if (!head.isEmpty()) {
      if (!head.endsWith(";")) {
        throw new MalformedPacketException("no ; before CP");
      }
      for (String field : head.substring(0, head.length() - 1).split(";", -1)) {
        int eq = field.indexOf('=');
        String key = eq < 0 ? field : field.substring(0, eq);
        if (eq < 0 || !HEADER.contains(key)) {
          throw new MalformedPacketException("\"" + field + "\" is not a header field");
        }
        if (header.put(key, field.substring(eq + 1)) != null) {
          throw new MalformedPacketException(key + " twice");
        }
      }
    }
    CpFields cp = CpFields.parse(data.substring(cpAt + 5, data.length() - 2));
    String qn = header.get("QN");
    if (qn != null && !qn.matches("[0-9]{17}")) {
      throw new MalformedPacketException("QN=" + qn + " is not yyyyMMddHHmmssSSS");
    }
    return new Packet(
        qn,
        required(header, "ST"),
        required(header, "CN"),
        required(header, "PW"),
        required(header, "MN"),
        header.containsKey("Flag") ? number(header, "Flag", 0, 255) : null,
        header.containsKey("PNUM") ? number(header, "PNUM", 1, 9999) : 0,
        header.containsKey("PNO") ? number(header, "PNO", 1, 9999) : 0,
        cp);
  }

  private static String required(Map<String, String> header, String key)
      throws MalformedPacketException {
    String v = header.get(key);
    if (v == null || v.isEmpty()) {
      throw new MalformedPacketException("no " + key);
    }
    return v;
  }

  private static int number(Map<String, String> header, String key, int min, int max)
      throws MalformedPacketException {
    String v = header.get(key);
    if (!v.matches("[0-9]{1,4}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
      throw new MalformedPacketException(key + "=" + v + " is not a number " + min + ".." + max);
    }
    return Integer.parseInt(v);
  }
}
