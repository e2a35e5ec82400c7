package cn.yichang.edge.kura;

import cn.yichang.edge.kura.internal.Gzip;
import cn.yichang.edge.kura.internal.KuraPayloadReader;
import cn.yichang.edge.kura.internal.KuraPayloadWriter;
import cn.yichang.edge.kura.internal.PayloadSplitter;
import java.io.IOException;
import java.util.List;

/**
 * Kura's wire format: a KuraPayload in protobuf (kurapayload.proto, proto2), gzip-compressed when
 * that makes it strictly shorter. Written by hand on protobuf's coded streams, so that the bundle
 * needs neither protoc nor Kura's jars.
 */
public final class KuraPayloadCodec {

  /** The largest payload {@link #decode(byte[])} inflates a gzip message to: 16 MiB. */
  public static final int DEFAULT_MAX_DECOMPRESSED_BYTES = 16 * 1024 * 1024;

  private KuraPayloadCodec() {}

  /** The payload as uncompressed protobuf. */
  public static byte[] encode(KuraPayload payload) {
    return KuraPayloadWriter.payload(payload);
  }

  /**
   * The gzip form when it is strictly shorter, else {@code encoded} itself: what Kura does with
   * {@code encode.gzip} on. A receiver tells the two apart by gzip's magic {@code 1f 8b}, which no
   * KuraPayload can start with (it would be field 3 of wire type 7).
   */
  public static byte[] compressIfShorter(byte[] encoded) {
    byte[] compressed = Gzip.compressIfShorter(encoded);
    return compressed != null ? compressed : encoded;
  }

  /** {@link #encode} then {@link #compressIfShorter}: the bytes of an MQTT message. */
  public static byte[] encodeForWire(KuraPayload payload) {
    return compressIfShorter(encode(payload));
  }

  /** Whether the bytes start with gzip's magic number. */
  public static boolean isGzip(byte[] wire) {
    return Gzip.hasMagic(wire);
  }

  /** {@link #decode(byte[], int)} with {@link #DEFAULT_MAX_DECOMPRESSED_BYTES}. */
  public static KuraPayload decode(byte[] wire) {
    return decode(wire, DEFAULT_MAX_DECOMPRESSED_BYTES);
  }

  /**
   * Decodes as a Kura receiver does, never failing: gzip is inflated when the magic is there (if
   * that fails, or would pass {@code maxDecompressedBytes}, the raw bytes are used); metrics of an
   * unknown value type are left out; bytes that are not a KuraPayload become the body of an
   * otherwise empty payload, as received.
   */
  public static KuraPayload decode(byte[] wire, int maxDecompressedBytes) {
    byte[] plain = wire;
    if (Gzip.hasMagic(wire)) {
      try {
        plain = Gzip.decompress(wire, maxDecompressedBytes);
      } catch (IOException e) {
        // Kura's decoder carries on with the raw bytes: the magic can be a false positive.
        plain = wire;
      }
    }
    try {
      return KuraPayloadReader.read(plain);
    } catch (InvalidKuraPayloadException e) {
      return new KuraPayload(null, null, List.of(), wire.clone());
    }
  }

  /** {@link #decodeStrict(byte[], int)} with {@link #DEFAULT_MAX_DECOMPRESSED_BYTES}. */
  public static KuraPayload decodeStrict(byte[] wire) throws InvalidKuraPayloadException {
    return decodeStrict(wire, DEFAULT_MAX_DECOMPRESSED_BYTES);
  }

  /**
   * Decodes a message that must be a KuraPayload, for callers that would rather reject a broken
   * message than see it as a body. Metrics of an unknown value type are still left out: that is the
   * protocol's rule for newer senders, not a fault.
   *
   * @throws InvalidKuraPayloadException naming the field and offset (in the inflated bytes) that
   *     broke, or the field {@code gzip} when the gzip stream is corrupt or too large
   */
  public static KuraPayload decodeStrict(byte[] wire, int maxDecompressedBytes)
      throws InvalidKuraPayloadException {
    byte[] plain = wire;
    if (Gzip.hasMagic(wire)) {
      try {
        plain = Gzip.decompress(wire, maxDecompressedBytes);
      } catch (IOException e) {
        // No need to try the raw bytes: 1f 8b cannot start a valid KuraPayload.
        throw new InvalidKuraPayloadException("gzip", 0, String.valueOf(e.getMessage()), e);
      }
    }
    return KuraPayloadReader.read(plain);
  }

  /**
   * Appends one metric to an encoded, uncompressed payload. Protobuf reads concatenated messages as
   * one, with the repeated {@code metric} field's elements in order, so the result decodes as the
   * payload with {@code metric} last; this lets the uplink stamp the buffer's {@code edge.seq} at
   * publish time without decoding the stored message.
   *
   * @throws IllegalArgumentException if {@code encodedUncompressed} is gzip-compressed
   */
  public static byte[] appendMetric(byte[] encodedUncompressed, KuraMetric metric) {
    if (Gzip.hasMagic(encodedUncompressed)) {
      throw new IllegalArgumentException("appendMetric needs the uncompressed payload");
    }
    byte[] field = KuraPayloadWriter.metricField(metric);
    byte[] result = new byte[encodedUncompressed.length + field.length];
    System.arraycopy(encodedUncompressed, 0, result, 0, encodedUncompressed.length);
    System.arraycopy(field, 0, result, encodedUncompressed.length, field.length);
    return result;
  }

  /**
   * Cuts an encoded, uncompressed payload into payloads of at most {@code maxBytes} each, for a
   * broker whose packet limit the whole would exceed: each part keeps the timestamp and position, a
   * point's metric stays with its {@code _error} and {@code _out_of_range} companions, and the body
   * stays with the first part.
   *
   * @return the parts in order; a single part when it fits as it is; empty when one point alone is
   *     too large, so that no split can help
   * @throws InvalidKuraPayloadException when {@code encodedUncompressed} is not a KuraPayload
   */
  public static List<byte[]> split(byte[] encodedUncompressed, int maxBytes)
      throws InvalidKuraPayloadException {
    if (encodedUncompressed.length <= maxBytes) {
      return List.of(encodedUncompressed);
    }
    return PayloadSplitter.split(encodedUncompressed, maxBytes);
  }

  /** The encoded size of one metric field, as {@link #appendMetric} adds it. */
  public static int metricFieldSize(KuraMetric metric) {
    return KuraPayloadWriter.metricField(metric).length;
  }
}
