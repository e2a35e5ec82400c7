package cn.yichang.edge.hj212;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Packets on the wire: {@code ##}, 4 digits of length, the data segment, its CRC, CRLF. */
public final class Frames {

  /** The longest data segment one packet carries; a longer one is split. */
  public static final int MAX_DATA = 1024;

  private Frames() {}

  /**
   * @throws IllegalArgumentException for a data segment over {@link #MAX_DATA} bytes or not ASCII
   */
  public static byte[] frame(String data) {
    byte[] bytes = data.getBytes(StandardCharsets.US_ASCII);
    if (!StandardCharsets.US_ASCII.newEncoder().canEncode(data)) {
      throw new IllegalArgumentException("an HJ 212 data segment is ASCII: " + data);
    }
    if (bytes.length > MAX_DATA) {
      throw new IllegalArgumentException(
          "a data segment of " + bytes.length + " bytes: split it (Frames.split)");
    }
    String frame = String.format("##%04d%s%s\r\n", bytes.length, data, Crc.hex(Crc.of(bytes)));
    return frame.getBytes(StandardCharsets.US_ASCII);
  }

  public static byte[] frame(Packet packet) {
    return frame(packet.data());
  }

  /**
   * The packets {@code packet} goes as: itself when its data fits one packet, else parts cut
   * between CP groups, each with the same QN and header, Flag's split bit, PNUM and PNO from 1.
   *
   * @throws IllegalArgumentException when one CP group alone is too long for a packet
   */
  public static List<Packet> split(Packet packet) {
    if (packet.data().length() <= MAX_DATA) {
      return List.of(packet);
    }
    int flag = (packet.flag() == null ? Packet.FLAG_2017 : packet.flag()) | Packet.FLAG_SPLIT;
    // cut with the widest PNUM and PNO, so the real numbers can only make a part shorter
    List<List<Map<String, String>>> parts = new ArrayList<>();
    List<Map<String, String>> current = new ArrayList<>();
    for (Map<String, String> group : packet.cp().groups()) {
      current.add(group);
      if (part(packet, flag, 9999, 9999, current).data().length() > MAX_DATA) {
        current.remove(current.size() - 1);
        if (current.isEmpty()) {
          throw new IllegalArgumentException("one CP group is too long for a packet: " + group);
        }
        parts.add(current);
        current = new ArrayList<>(List.of(group));
        if (part(packet, flag, 9999, 9999, current).data().length() > MAX_DATA) {
          throw new IllegalArgumentException("one CP group is too long for a packet: " + group);
        }
      }
    }
    parts.add(current);
    List<Packet> packets = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      packets.add(part(packet, flag, parts.size(), i + 1, parts.get(i)));
    }
    return packets;
  }

  private static Packet part(
      Packet p, int flag, int pnum, int pno, List<Map<String, String>> groups) {
    CpFields.Builder cp = CpFields.builder();
    groups.forEach(cp::group);
    return new Packet(p.qn(), p.st(), p.cn(), p.pw(), p.mn(), flag, pnum, pno, cp.build());
  }
}
