package cn.yichang.edge.rig;

import cn.yichang.edge.sim.Fault;

/** What a timeline can do to a running rig. Each call returns a short note for the log. */
interface RigControls {

  String brokerDown() throws Exception;

  String brokerUp() throws Exception;

  String deviceFault(String device, Fault fault);

  String lineNoise(String bus, int bytes) throws Exception;

  String killGateway() throws Exception;

  String restartGateway() throws Exception;

  /** Null when disk-fill cannot be played here; else why not. */
  String diskFillUnavailable();

  String fillDisk() throws Exception;

  String freeDisk() throws Exception;
}
