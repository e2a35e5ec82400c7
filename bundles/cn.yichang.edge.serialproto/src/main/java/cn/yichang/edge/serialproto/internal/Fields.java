package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.profile.AsciiLineSpec;
import cn.yichang.edge.profile.FramedSpec;
import cn.yichang.edge.reading.PointReading;
import java.util.ArrayList;
import java.util.List;

/** The names and units of a profile's fields, in profile order. */
record Fields(List<String> names, List<String> units) {

  Fields {
    names = List.copyOf(names);
    units = new ArrayList<>(units); // units may be null
  }

  static Fields of(AsciiLineSpec spec) {
    List<String> names = new ArrayList<>();
    List<String> units = new ArrayList<>();
    spec.lines()
        .forEach(
            k ->
                k.fields()
                    .forEach(
                        f -> {
                          names.add(f.name());
                          units.add(f.unit());
                        }));
    return new Fields(names, units);
  }

  static Fields of(FramedSpec spec) {
    List<String> names = new ArrayList<>();
    List<String> units = new ArrayList<>();
    spec.fields()
        .forEach(
            f -> {
              names.add(f.name());
              units.add(f.unit());
            });
    return new Fields(names, units);
  }

  int size() {
    return names.size();
  }

  PointReading failed(int i, String reason) {
    return PointReading.failed(names.get(i), units.get(i), reason);
  }

  List<PointReading> allFailed(String reason) {
    List<PointReading> out = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      out.add(failed(i, reason));
    }
    return out;
  }
}
