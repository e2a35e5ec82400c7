package cn.yichang.edge.serialproto.internal;

import cn.yichang.edge.reading.PointReading;
import java.util.List;

/**
 * Turns the bytes a device sends into messages: lines or frames, checked and decoded into the
 * readings of the fields they carry. Fed in chunks of any size; keeps at most {@link #capacity()}
 * bytes, whatever arrives, so a device that never ends a line or a frame cannot exhaust memory.
 * Used by one thread at a time.
 */
interface MessageParser {

  /** What the parser found in the bytes fed. */
  interface Listener {
    /** A checked message, with a reading for each field it carries (in profile order). */
    void message(List<PointReading> readings);

    /**
     * Something that looked like a message and was not one: {@code reason} is short and goes in
     * place of the values ({@code checksum error}, {@code overlong line}, {@code bad length}, ...).
     */
    void rejected(String reason, String detail);
  }

  void feed(byte[] bytes, int offset, int length, Listener listener);

  /** Forgets a partial message, e.g. before the answer to a new request. */
  void reset();

  /** Bytes held of a message not yet complete. */
  int buffered();

  /** The most bytes it ever holds. */
  int capacity();

  /** The fields of the profile, for failing them all at once. */
  Fields fields();
}
