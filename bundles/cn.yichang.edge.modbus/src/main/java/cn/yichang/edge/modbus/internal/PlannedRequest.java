package cn.yichang.edge.modbus.internal;

import cn.yichang.edge.modbus.ReadRequest;
import cn.yichang.edge.profile.Point;
import java.util.List;

/** One read of a plan and the points decoded from its response, in address order. */
public record PlannedRequest(ReadRequest request, List<Point> points) {

  public PlannedRequest {
    points = List.copyOf(points);
  }
}
