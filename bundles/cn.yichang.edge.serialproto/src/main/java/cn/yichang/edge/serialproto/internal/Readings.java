package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.reading.PointReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class Readings {
  private Readings() {}

  /** One reading per field in profile order: from {@code got}, else failed with {@code reason}. */
  static List<PointReading> inProfileOrder(Fields fields, List<PointReading> got, String reason) {
    Map<String, PointReading> byName = new HashMap<>();
    got.forEach(r -> byName.put(r.name(), r));
    List<PointReading> out = new ArrayList<>(fields.size());
    for (int i = 0; i < fields.size(); i++) {
      PointReading r = byName.get(fields.names().get(i));
      out.add(r != null ? r : fields.failed(i, reason));
    }
    return out;
  }
}
