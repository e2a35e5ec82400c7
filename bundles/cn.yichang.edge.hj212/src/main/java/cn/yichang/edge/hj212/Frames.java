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
   * between CP groups, as the standard's examples C.49 and C.50 do: each part repeats the leading
   * {@code DataTime} group, has the header, Flag's split bit, PNUM and PNO from 1, and its own QN
   * (the packet's, one millisecond later for each part), by which the platform acknowledges it.
   *
   * @throws IllegalArgumentException when one CP group alone is too long for a packet
   */
  public static List<Packet> split(Packet packet) {
    if (packet.data().length() <= MAX_DATA) {
      return List.of(packet);
    }
    int flag = (packet.flag() == null ? Packet.FLAG_2017 : packet.flag()) | Packet.FLAG_SPLIT;
    List<Map<String, String>> groups = packet.cp().groups();
    List<Map<String, String>> lead =
        !groups.isEmpty() && groups.get(0).containsKey("DataTime")
            ? List.of(groups.get(0))
            : List.of();
    // cut with the widest PNUM and PNO, so the real numbers can only make a part shorter
    List<List<Map<String, String>>> parts = new ArrayList<>();
    List<Map<String, String>> current = new ArrayList<>(lead);
    for (Map<String, String> group : groups.subList(lead.size(), groups.size())) {
      current.add(group);
      if (part(packet, packet.qn(), flag, 9999, 9999, current).data().length() > MAX_DATA) {
        current.remove(current.size() - 1);
        if (current.size() == lead.size()) {
          throw new IllegalArgumentException("one CP group is too long for a packet: " + group);
        }
        parts.add(current);
        current = new ArrayList<>(lead);
        current.add(group);
        if (part(packet, packet.qn(), flag, 9999, 9999, current).data().length() > MAX_DATA) {
          throw new IllegalArgumentException("one CP group is too long for a packet: " + group);
        }
      }
    }
    parts.add(current);
    List<Packet> packets = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      String qn = packet.qn() == null ? null : Qn.plusMillis(packet.qn(), i);
      packets.add(part(packet, qn, flag, parts.size(), i + 1, parts.get(i)));
    }
    return packets;
  }

  private static Packet part(
      Packet p, String qn, int flag, int pnum, int pno, List<Map<String, String>> groups) {
    CpFields.Builder cp = CpFields.builder();
    groups.forEach(cp::group);
    return new Packet(qn, p.st(), p.cn(), p.pw(), p.mn(), flag, pnum, pno, cp.build());
  }
}
