package cn.yichang.edge.hj212.internal.requests;

import java.time.LocalDateTime;
import java.util.List;

/** What the platform's requests read and change at the station. */
public interface StationControl {
  String mn();

  String password();

  /** The station's system code, which its data packets carry. */
  String st();

  /** The station's time now. */
  LocalDateTime time();

  void setTime(LocalDateTime time) throws Exception;

  int realtimeInterval();

  void setRealtimeInterval(int seconds) throws Exception;

  int minuteInterval();

  void setMinuteInterval(int minutes) throws Exception;

  void setPassword(String password) throws Exception;

  void setTimeout(int seconds, int retries) throws Exception;

  /** The CPs of the CN's archived windows that start from {@code begin} to {@code end}. */
  List<String> history(String cn, LocalDateTime begin, LocalDateTime end) throws Exception;

  /** A new QN for a packet the station makes. */
  String nextQn();
}
