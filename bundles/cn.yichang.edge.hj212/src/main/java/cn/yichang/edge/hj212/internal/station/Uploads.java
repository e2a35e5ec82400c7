package cn.yichang.edge.hj212.internal.station;

import cn.yichang.edge.hj212.CpFields;
import cn.yichang.edge.hj212.Packet;
import cn.yichang.edge.hj212.Pollutant;
import cn.yichang.edge.hj212.Pollutants;
import cn.yichang.edge.hj212.Qn;
import cn.yichang.edge.hj212.internal.aggregate.Aggregate;
import cn.yichang.edge.hj212.internal.aggregate.ClosedWindow;
import cn.yichang.edge.hj212.internal.aggregate.Sample;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CP of the station's uploads, as the standard's examples write them: {@code DataTime} (14
 * digits: the acquisition moment of real-time data, a window's start), then a group per pollutant.
 * A pollutant without a valid value is sent with its flag alone, never as 0.
 */
final class Uploads {
  private Uploads() {}

  /** CN 2011: each pollutant's latest reading. */
  static CpFields realtime(LocalDateTime dataTime, Collection<Sample> latest) {
    CpFields.Builder cp = CpFields.builder().field("DataTime", Qn.TIME.format(dataTime));
    for (Sample s : latest) {
      Map<String, String> g = new LinkedHashMap<>();
      if (Double.isFinite(s.value())) {
        g.put(s.code() + "-Rtd", pollutant(s.code()).format(s.value()));
      }
      g.put(s.code() + "-Flag", s.flag().name());
      cp.group(g);
    }
    return cp.build();
  }

  /** CN 2051, 2061 or 2031: a closed window. */
  static CpFields window(ClosedWindow w) {
    CpFields.Builder cp = CpFields.builder().field("DataTime", Qn.TIME.format(w.start()));
    for (Aggregate a : w.aggregates()) {
      Pollutant p = pollutant(a.code());
      Map<String, String> g = new LinkedHashMap<>();
      if (a.hasValues()) {
        g.put(a.code() + "-Min", p.format(a.min()));
        g.put(a.code() + "-Avg", p.format(a.avg()));
        g.put(a.code() + "-Max", p.format(a.max()));
      }
      g.put(a.code() + "-Flag", a.flag().name());
      cp.group(g);
    }
    return cp.build();
  }

  /**
   * A packet of the station's; the transport sets its PW and Flag again as they are when it is sent
   * (the platform may change both meanwhile).
   */
  static Packet packet(String qn, String st, String cn, String pw, String mn, CpFields cp) {
    return new Packet(qn, st, cn, pw, mn, Packet.FLAG_2017, 0, 0, cp);
  }

  private static Pollutant pollutant(String code) {
    return Pollutants.of(code).orElse(Pollutants.unknown(code));
  }
}
