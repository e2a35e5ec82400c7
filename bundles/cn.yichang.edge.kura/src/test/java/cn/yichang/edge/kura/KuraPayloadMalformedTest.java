package cn.yichang.edge.kura;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bytes that are not a KuraPayload: strict decoding names the field and offset; lenient decoding
 * takes them as the body of an empty payload, as Kura does. One row per case: bytes, field, offset,
 * words of the reason.
 */
class KuraPayloadMalformedTest {

  static Stream<Arguments> malformed() {
    return Stream.of(
        arguments("truncated varint", "08ff", "timestamp", 0, "ended unexpectedly"),
        arguments(
            "truncated varint in a metric",
            "c2b80204 0a0161 10",
            "metric[0].type",
            7,
            "ended unexpectedly"),
        arguments("timestamp as bytes", "0a0100", "timestamp", 0, "wire type 2, expected 0"),
        arguments(
            "metric name as varint", "c2b80204 0801 1005", "metric[0].name", 4, "wire type 0"),
        arguments(
            "double value as varint",
            "c2b80207 0a0164 1000 1801",
            "metric[0].double_value",
            9,
            "wire type 0, expected 1"),
        arguments(
            "float value as fixed64",
            "c2b8020e 0a0166 1001 21000000000000f83f",
            "metric[0].float_value",
            9,
            "wire type 1, expected 5"),
        arguments(
            "body longer than the message", "cab802 64 6869", "body", 0, "ended unexpectedly"),
        arguments("negative body length", "cab802 ffffffff0f", "body", 0, "negative size"),
        arguments("metric longer than the message", "c2b8027f 0a", "metric[0]", 0, ""),
        arguments("metric without name", "c2b80202 1005", "metric[0]", 4, "name is missing"),
        arguments("metric without type", "c2b80203 0a0161", "metric[0] (a)", 4, "type is missing"),
        arguments(
            "position without longitude",
            "1209 09000000000000f03f",
            "position",
            2,
            "longitude is missing"),
        arguments("wire type 7", "1f00", "payload.field3", 0, "invalid wire type 7"),
        arguments("field number 0", "0001", "payload", 0, "invalid tag"),
        arguments("end-group without start", "1c", "payload.field3", 0, "without a start-group"),
        arguments("group not closed", "1b 0801", "payload.field3", 0, "not closed"),
        arguments("group closed by another", "1b 24", "payload.field3", 0, "closes group 3"),
        arguments(
            "groups nested too deep", "1b".repeat(1000), "payload.field3", 0, "deeper than 64"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void strictDecodingNamesTheFieldAndOffset(
      String name, String hex, String field, long offset, String reason) {
    byte[] bytes = bytes(hex);

    InvalidKuraPayloadException e =
        catchThrowableOfType(
            InvalidKuraPayloadException.class, () -> KuraPayloadCodec.decodeStrict(bytes));

    assertThat(e).as(name).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.offset()).isEqualTo(offset);
    assertThat(e.getMessage()).startsWith(field + " at offset " + offset).contains(reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void lenientDecodingTakesTheBytesAsBody(
      String name, String hex, String field, long offset, String reason) {
    byte[] bytes = bytes(hex);

    assertThat(KuraPayloadCodec.decode(bytes))
        .isEqualTo(new KuraPayload(null, null, List.of(), bytes));
  }

  @Test
  void textIsTakenAsTheBodyOfAnEmptyPayload() {
    byte[] json = "{\"temperature\": 21.5}".getBytes();

    assertThat(KuraPayloadCodec.decode(json))
        .isEqualTo(new KuraPayload(null, null, List.of(), json));
  }

  @Test
  void aMetricOfUnknownTypeIsLeftOutAndTheOthersKept() throws InvalidKuraPayloadException {
    byte[] bytes = bytes("c2b80207 0a0178 1007 3801" + "c2b80208 0a0169 1003 30c801");

    KuraPayload expected = new KuraPayload(null, null, List.of(new KuraMetric("i", 200)), null);
    assertThat(KuraPayloadCodec.decodeStrict(bytes)).isEqualTo(expected);
    assertThat(KuraPayloadCodec.decode(bytes)).isEqualTo(expected);
  }

  @Test
  void unknownFieldsOfEveryWireTypeAreSkipped() throws InvalidKuraPayloadException {
    // Extension field 3 as varint, field 4 fixed64, field 5 length-delimited, field 6 fixed32,
    // field 7 a group holding a varint; in the metric, field 10; in the position, field 12.
    String unknown = "1801 210102030405060708 2a026869 2d01020304 3b 0801 3c";
    byte[] bytes =
        bytes(
            unknown
                + "1214 09000000000000f03f 11000000000000f0bf 6001"
                + "c2b8020a 0a0169 1003 30c801 5001");

    KuraPayload expected =
        new KuraPayload(
            null,
            new KuraPosition(1.0, -1.0, null, null, null, null, null, null, null),
            List.of(new KuraMetric("i", 200)),
            null);
    assertThat(KuraPayloadCodec.decodeStrict(bytes)).isEqualTo(expected);
  }

  @Test
  void aMissingValueReadsAsTheTypesDefaultAsProtobufDoes() throws InvalidKuraPayloadException {
    byte[] bytes = bytes("c2b80205 0a0169 1003" + "c2b80205 0a0173 1005");

    assertThat(KuraPayloadCodec.decodeStrict(bytes).metrics())
        .containsExactly(new KuraMetric("i", 0), new KuraMetric("s", ""));
  }

  @Test
  void corruptedEncodingsNeverThrowAnythingUnchecked() {
    KuraPayload sample =
        new KuraPayload(
            java.time.Instant.ofEpochMilli(1_572_343_340_242L),
            new KuraPosition(46.06, 14.56, 286.0, null, null, null, 5L, 7, 4),
            List.of(
                new KuraMetric("d", 1.5),
                new KuraMetric("f", 2.5f),
                new KuraMetric("l", -3L),
                new KuraMetric("i", 4),
                new KuraMetric("b", true),
                new KuraMetric("s", "text"),
                new KuraMetric("y", new byte[] {1, 2, 3})),
            "body".getBytes());
    byte[] good = KuraPayloadCodec.encode(sample);
    Random random = new Random(20_240_601L);
    int rejected = 0;
    for (int round = 0; round < 10_000; round++) {
      byte[] bad = mutate(good, random);
      // Any unchecked exception from either call fails the test.
      KuraPayloadCodec.decode(bad);
      try {
        KuraPayloadCodec.decodeStrict(bad);
      } catch (InvalidKuraPayloadException expected) {
        rejected++;
        if (expected.offset() < 0 || expected.offset() > bad.length) {
          throw new AssertionError("offset outside the message: " + expected.getMessage());
        }
      }
    }
    assertThat(rejected).as("most corruptions are detected").isGreaterThan(5_000);
  }

  private static byte[] mutate(byte[] good, Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> java.util.Arrays.copyOf(good, random.nextInt(good.length));
      case 1 -> {
        byte[] flipped = good.clone();
        for (int i = 0; i <= random.nextInt(4); i++) {
          flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        }
        yield flipped;
      }
      case 2 -> {
        byte[] noise = new byte[random.nextInt(64)];
        random.nextBytes(noise);
        yield noise;
      }
      default -> {
        byte[] overwritten = good.clone();
        overwritten[random.nextInt(overwritten.length)] = (byte) random.nextInt(256);
        yield overwritten;
      }
    };
  }

  private static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }
}
