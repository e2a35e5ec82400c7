package cn.yichang.edge.profile.yaml;

import cn.yichang.edge.profile.FrameChecksum;
import cn.yichang.edge.profile.FramedSpec;
import cn.yichang.edge.profile.FramedSpec.ByteOrder;
import cn.yichang.edge.profile.FramedSpec.Counts;
import cn.yichang.edge.profile.FramedSpec.FieldType;
import cn.yichang.edge.profile.FramedSpec.FrameField;
import cn.yichang.edge.profile.FramedSpec.LengthField;
import cn.yichang.edge.profile.ProtocolSpec;
import cn.yichang.edge.profile.WordOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the keys of a {@code protocol: framed} profile into a {@link FramedSpec}. */
final class FramedSpecReader implements SpecReader {

  static final String PROTOCOL = "framed";
  static final int DEFAULT_MAX_LENGTH = 256;
  static final int MAX_MAX_LENGTH = 4096;

  private static final Map<String, FrameChecksum> CHECKSUMS = SpecNames.of(FrameChecksum.values());
  private static final Map<String, FieldType> TYPES = SpecNames.of(FieldType.values());
  private static final Map<String, ByteOrder> ORDERS = SpecNames.of(ByteOrder.values());
  private static final Map<String, Counts> COUNTS = SpecNames.of(Counts.values());

  private static final class Builder {
    byte[] header;
    byte[] trailer = new byte[0];
    LengthField length;
    int fixedLength;
    FrameChecksum checksum;
    int checksumFrom;
    int maxLength = DEFAULT_MAX_LENGTH;
    byte[] request;
    int matchAt = 0;
    byte[] match = new byte[0];
  }

  @Override
  public Optional<ProtocolSpec> read(
      MappingReader r, WordOrder profileOrder, PollutantCodes codes) {
    int before = r.problems().size();
    Builder b = new Builder();
    b.header = r.requiredString("header").flatMap(v -> hex(r, "header", v)).orElse(null);
    b.trailer = r.string("trailer").flatMap(v -> hex(r, "trailer", v)).orElse(new byte[0]);
    ByteOrder order = r.choice("byte-order", ORDERS).orElse(ByteOrder.BIG);
    b.maxLength =
        r.integer("max-length", 4, MAX_MAX_LENGTH).orElse((long) DEFAULT_MAX_LENGTH).intValue();
    Duration timeout = r.duration("timeout").orElse(AsciiLineSpecReader.DEFAULT_TIMEOUT);
    b.request = r.string("request").flatMap(v -> hex(r, "request", v)).orElse(null);
    b.fixedLength = r.integer("frame-length", 1, MAX_MAX_LENGTH).orElse(0L).intValue();
    r.node("length")
        .flatMap(n -> MappingReader.of(r.file(), n, r.field("length"), r.problems()))
        .ifPresent(l -> b.length = length(l, order));
    r.node("checksum")
        .flatMap(n -> MappingReader.of(r.file(), n, r.field("checksum"), r.problems()))
        .ifPresent(c -> checksum(c, b));
    r.node("match")
        .flatMap(n -> MappingReader.of(r.file(), n, r.field("match"), r.problems()))
        .ifPresent(
            m -> {
              b.matchAt = m.requiredInteger("at", 0, MAX_MAX_LENGTH).orElse(0L).intValue();
              b.match =
                  m.requiredString("bytes").flatMap(v -> hex(m, "bytes", v)).orElse(new byte[0]);
              m.finish();
            });
    if (r.has("length") == r.has("frame-length")) {
      r.problem("length", "give either length (a length field) or frame-length (fixed frames)");
    }
    if (timeout.isZero()) {
      r.problem("timeout", "must be longer than 0");
    }
    if (b.header != null && b.header.length == 0) {
      r.problem("header", "needs at least one byte, to find where a frame starts");
    }
    int headerLength = b.header == null ? 0 : b.header.length;
    if (b.length != null && b.length.at() < headerLength) {
      r.problem("length", "the length field overlaps the header");
    }
    if (b.length != null && b.length.at() + b.length.size() > b.maxLength) {
      r.problem("length", "the length field passes max-length " + b.maxLength);
    }
    if (headerLength + b.trailer.length + 2 > b.maxLength) {
      r.problem("max-length", "leaves no room for a frame's header, checksum and trailer");
    }
    if (b.fixedLength > 0 && b.fixedLength > b.maxLength) {
      r.problem("frame-length", "is longer than max-length " + b.maxLength);
    }
    int tail = b.trailer.length + (b.checksum == null ? 0 : b.checksum.size());
    if (b.fixedLength > 0 && b.fixedLength < headerLength + tail) {
      r.problem(
          "frame-length",
          b.fixedLength
              + " leaves no room for the header, checksum and trailer ("
              + (headerLength + tail)
              + " bytes)");
    }
    if (b.matchAt + b.match.length > b.maxLength) {
      r.problem("match", "passes max-length " + b.maxLength);
    }
    List<FrameField> fields = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    r.eachMapping(
        "fields",
        f -> {
          field(f, order, b.maxLength, codes).ifPresent(fields::add);
          f.string("name")
              .ifPresent(
                  n -> {
                    Integer first = names.putIfAbsent(n, f.line("name"));
                    if (first != null) {
                      f.problem(
                          "name",
                          "duplicate field name \"" + n + "\" (first at line " + first + ")");
                    }
                  });
        });
    if (!r.has("fields")) {
      r.problem("fields", "missing (required)");
    } else if (r.list("fields").isEmpty()) {
      r.problem("fields", "needs at least one field");
    }
    if (r.problems().size() > before) {
      return Optional.empty();
    }
    FramedSpec spec =
        new FramedSpec(
            b.header,
            b.trailer,
            b.length,
            b.fixedLength,
            b.checksum,
            b.checksumFrom,
            b.maxLength,
            timeout,
            b.request,
            b.matchAt,
            b.match,
            fields);
    if (spec.request() != null) {
      checkRequest(r, spec);
    }
    return r.problems().size() > before ? Optional.empty() : Optional.of(spec);
  }

  private static LengthField length(MappingReader l, ByteOrder profileOrder) {
    Optional<Long> at = l.requiredInteger("at", 0, MAX_MAX_LENGTH);
    int size = l.integer("size", 1, 2).orElse(1L).intValue();
    ByteOrder order = l.choice("order", ORDERS).orElse(profileOrder);
    Optional<Counts> counts = l.requiredChoice("counts", COUNTS);
    l.finish();
    if (at.isEmpty() || counts.isEmpty()) {
      return null;
    }
    return new LengthField(at.get().intValue(), size, order, counts.get());
  }

  private static void checksum(MappingReader c, Builder b) {
    b.checksum = c.requiredChoice("type", CHECKSUMS).orElse(null);
    b.checksumFrom = c.integer("from", 0, MAX_MAX_LENGTH).orElse(0L).intValue();
    c.finish();
  }

  /** A request with the wrong checksum or length would never be answered: say so now. */
  private static void checkRequest(MappingReader r, FramedSpec spec) {
    byte[] q = spec.request();
    String text = HexFormat.ofDelimiter(" ").withUpperCase().formatHex(q);
    if (q.length < spec.header().length + spec.tailLength()
        || !Arrays.equals(q, 0, spec.header().length, spec.header(), 0, spec.header().length)) {
      r.problem("request", text + " does not start with the header");
      return;
    }
    int end = q.length;
    if (!Arrays.equals(
        q, end - spec.trailer().length, end, spec.trailer(), 0, spec.trailer().length)) {
      r.problem("request", text + " does not end with the trailer");
      return;
    }
    if (spec.length() != null) {
      LengthField lf = spec.length();
      if (lf.at() + lf.size() > q.length) {
        r.problem("request", text + " is too short for its length field");
        return;
      }
      int value =
          lf.size() == 1
              ? q[lf.at()] & 0xFF
              : lf.order() == ByteOrder.BIG
                  ? ((q[lf.at()] & 0xFF) << 8) | (q[lf.at() + 1] & 0xFF)
                  : ((q[lf.at() + 1] & 0xFF) << 8) | (q[lf.at()] & 0xFF);
      if (spec.frameLength(value) != q.length) {
        r.problem(
            "request",
            text
                + ": its length field says "
                + spec.frameLength(value)
                + " bytes, it has "
                + q.length);
        return;
      }
    }
    if (spec.checksum() != null) {
      int at = q.length - spec.tailLength();
      if (spec.checksumFrom() > at) {
        r.problem("request", text + ": the checksum span starts after the checksum");
        return;
      }
      byte[] expected = spec.checksum().compute(q, spec.checksumFrom(), at);
      if (!Arrays.equals(q, at, at + expected.length, expected, 0, expected.length)) {
        r.problem(
            "request",
            text
                + ": wrong "
                + SpecNames.name(spec.checksum())
                + " checksum, expected "
                + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(expected));
      }
    }
  }

  private static Optional<byte[]> hex(MappingReader r, String key, String text) {
    try {
      return Optional.of(Escapes.hexBytes(text));
    } catch (IllegalArgumentException e) {
      r.problem(key, e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<FrameField> field(
      MappingReader f, ByteOrder profileOrder, int maxLength, PollutantCodes codes) {
    int before = f.problems().size();
    Optional<String> name = f.requiredString("name");
    Optional<Long> at = f.requiredInteger("at", 0, MAX_MAX_LENGTH);
    Optional<FieldType> type = f.requiredChoice("type", TYPES);
    ByteOrder order = f.choice("order", ORDERS).orElse(profileOrder);
    Optional<Long> bit = f.integer("bit", 0, 63);
    Optional<Long> bits = f.integer("bits", 1, 64);
    Optional<Long> length = f.integer("length", 1, MAX_MAX_LENGTH);
    double scale = f.decimal("scale").orElse(1.0);
    double offset = f.decimal("offset").orElse(0.0);
    String unit = f.string("unit").orElse(null);
    Double min = f.decimal("min").orElse(null);
    Double max = f.decimal("max").orElse(null);
    codes.read(f);
    f.string("description");
    f.finish();
    if (type.isEmpty() || at.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    FieldType t = type.get();
    String tn = SpecNames.name(t);
    if (t == FieldType.BOOL || t == FieldType.STRING) {
      for (String key : List.of("scale", "offset", "min", "max")) {
        if (f.has(key)) {
          f.problem(key, "a " + tn + " has no " + key);
        }
      }
    }
    if (scale == 0) {
      f.problem("scale", "must not be 0");
    }
    if (min != null && max != null && min > max) {
      f.problem("min", "min " + min + " is greater than max " + max);
    }
    if (t == FieldType.STRING && length.isEmpty() && !f.has("length")) {
      f.problem("length", "missing: a string needs its length in bytes");
    }
    if (t != FieldType.STRING && f.has("length")) {
      f.problem("length", "only for type string");
    }
    int size = t == FieldType.STRING ? length.orElse(1L).intValue() : t.size();
    if (f.has("bit") && !t.integral() && t != FieldType.BOOL) {
      f.problem("bit", "only for a bool or an integer bit field");
    } else if (bit.isPresent() && bit.get() >= 8L * size) {
      f.problem("bit", "a " + tn + " has bits 0.." + (8 * size - 1));
    }
    if (f.has("bits") && (t == FieldType.BOOL || !t.integral())) {
      f.problem("bits", "only for an integer bit field (a bool is one bit)");
    } else if (f.has("bits") && !f.has("bit")) {
      f.problem("bits", "needs bit: the field's lowest bit");
    } else if (bits.isPresent() && bit.isPresent() && bit.get() + bits.get() > 8L * size) {
      f.problem(
          "bits", "bits " + bit.get() + ".." + (bit.get() + bits.get() - 1) + " pass the " + tn);
    }
    if (at.get() + size > maxLength) {
      f.problem(
          "at",
          "the field's " + size + " bytes from " + at.get() + " pass max-length " + maxLength);
    }
    if (f.problems().size() > before) {
      return Optional.empty();
    }
    int b = bit.map(Long::intValue).orElse(-1);
    int w = b < 0 || t == FieldType.BOOL ? 0 : bits.orElse(1L).intValue();
    return Optional.of(
        new FrameField(
            name.get(),
            at.get().intValue(),
            t,
            order,
            b,
            w,
            size,
            scale,
            offset,
            unit,
            min,
            max,
            f.line()));
  }
}
