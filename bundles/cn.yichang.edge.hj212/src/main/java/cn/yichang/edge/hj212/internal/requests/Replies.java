package cn.yichang.edge.hj212.internal.requests;

import cn.yichang.edge.hj212.CpFields;
import cn.yichang.edge.hj212.Packet;

/**
 * The standard's reply codes, and the packets that carry them (ST 91, Flag 4, the request's QN).
 */
final class Replies {
  /** QnRtn: ready to execute. */
  static final int READY = 1;

  /** QnRtn: refused (an unknown request). */
  static final int REFUSED = 2;

  static final int PW_WRONG = 3;
  static final int MN_WRONG = 4;
  static final int QN_WRONG = 7;

  /** ExeRtn: done. */
  static final int SUCCESS = 1;

  /** ExeRtn: the request's conditions are wrong (a value out of range, a missing field). */
  static final int CONDITIONS_WRONG = 3;

  static final int SYSTEM_FAULT = 6;
  static final int NO_DATA = 100;

  private Replies() {}

  static Packet qnRtn(Packet request, String pw, String mn, int code) {
    return interaction(request, "9011", pw, mn, "QnRtn", code);
  }

  static Packet exeRtn(Packet request, String pw, String mn, int code) {
    return interaction(request, "9012", pw, mn, "ExeRtn", code);
  }

  /** A data reply (1011, 1061, 1063): the request's QN, ST and CN. */
  static Packet data(Packet request, String pw, String mn, CpFields cp) {
    return new Packet(request.qn(), request.st(), request.cn(), pw, mn, Packet.FLAG_2017, 0, 0, cp);
  }

  private static Packet interaction(
      Packet request, String cn, String pw, String mn, String key, int code) {
    return new Packet(
        request.qn(),
        "91",
        cn,
        pw,
        mn,
        Packet.FLAG_2017,
        0,
        0,
        CpFields.builder().field(key, String.valueOf(code)).build());
  }
}
