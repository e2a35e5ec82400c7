package cn.yichang.edge.reading;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A device as remote management sees it (Kura's "asset"): its channels (points), a read made now
 * rather than a cached value, and writes to the points its profile marks writable. Device bundles
 * register one per configured device, with the service property {@value #DEVICE_ID}.
 */
@ConsumerType
public interface Asset {

  String DEVICE_ID = "device.id";

  /** The device id, as in its reading sets. */
  String id();

  /** Every point of the device, in profile order. */
  List<Channel> channels();

  /**
   * Reads every channel now: for a bus device one poll through its bus, before the bus's next
   * scheduled poll. The set is not published as telemetry.
   *
   * @return completed with the set (a point that could not be read carries its error), or
   *     exceptionally when the read could not be made at all (bus stopped, line not open)
   */
  CompletableFuture<ReadingSet> readNow();

  /**
   * Checks that {@code value} may be written to {@code channel}, without writing.
   *
   * @param value a {@link Long}, {@link Double}, {@link Boolean} or {@link String}
   * @throws IllegalArgumentException naming why not: unknown channel, not writable, wrong type,
   *     outside the channel's min/max or its type's range
   */
  void checkWrite(String channel, Object value);

  /**
   * Writes {@code value} to {@code channel}, after {@link #checkWrite}.
   *
   * @return completed when the device confirmed the write, exceptionally with its refusal (e.g. a
   *     Modbus exception response) or a timeout
   * @throws IllegalArgumentException as {@link #checkWrite}; nothing was sent
   */
  CompletableFuture<Void> write(String channel, Object value);

  /**
   * One point of an asset.
   *
   * @param type the type of its values, named as Kura's {@code DataType}
   * @param min the lowest value that may be written, or {@code null}
   * @param max the highest value that may be written, or {@code null}
   */
  record Channel(String name, ValueType type, boolean writable, Double min, Double max) {
    public Channel {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  /** Kura's channel value types, as far as our devices have them. */
  enum ValueType {
    BOOLEAN,
    INTEGER,
    LONG,
    FLOAT,
    DOUBLE,
    STRING
  }
}
