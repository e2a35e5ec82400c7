package cn.yichang.edge.kura;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-made payloads and their bytes, worked out from kurapayload.proto: tags {@code c2b802}
 * (metric = 5000, length-delimited) and {@code cab802} (body = 5001); doubles fixed64
 * little-endian, float fixed32, int32/int64 varints with negative numbers sign-extended to ten
 * bytes, as protobuf does.
 */
class KuraPayloadEncodingTest {

  static Stream<Arguments> payloads() {
    return Stream.of(
        arguments("empty", payload(), ""),
        arguments(
            "DOUBLE 1.5",
            payload(new KuraMetric("d", 1.5)),
            "c2b8020e 0a0164 1000 19000000000000f83f"),
        arguments(
            "DOUBLE NaN",
            payload(new KuraMetric("d", Double.NaN)),
            "c2b8020e 0a0164 1000 19000000000000f87f"),
        arguments(
            "FLOAT 1.5", payload(new KuraMetric("f", 1.5f)), "c2b8020a 0a0166 1001 250000c03f"),
        arguments("INT64 300", payload(new KuraMetric("l", 300L)), "c2b80208 0a016c 1002 28ac02"),
        arguments(
            "INT64 -1",
            payload(new KuraMetric("l", -1L)),
            "c2b80210 0a016c 1002 28ffffffffffffffffff01"),
        arguments(
            "INT64 max",
            payload(new KuraMetric("l", Long.MAX_VALUE)),
            "c2b8020f 0a016c 1002 28ffffffffffffffff7f"),
        arguments("INT32 200", payload(new KuraMetric("i", 200)), "c2b80208 0a0169 1003 30c801"),
        arguments(
            "INT32 -2",
            payload(new KuraMetric("i", -2)),
            "c2b80210 0a0169 1003 30feffffffffffffffff01"),
        arguments("BOOL true", payload(new KuraMetric("b", true)), "c2b80207 0a0162 1004 3801"),
        arguments("BOOL false", payload(new KuraMetric("b", false)), "c2b80207 0a0162 1004 3800"),
        arguments(
            "STRING UTF-8", payload(new KuraMetric("s", "hé")), "c2b8020a 0a0173 1005 420368c3a9"),
        arguments("STRING empty", payload(new KuraMetric("s", "")), "c2b80207 0a0173 1005 4200"),
        arguments(
            "BYTES",
            payload(new KuraMetric("y", new byte[] {0, (byte) 0xff})),
            "c2b80209 0a0179 1006 4a0200ff"),
        arguments(
            "timestamp",
            new KuraPayload(Instant.ofEpochMilli(300), null, List.of(), null),
            "08ac02"),
        arguments(
            "real timestamp",
            new KuraPayload(Instant.parse("2019-10-29T10:02:20.242Z"), null, List.of(), null),
            "08d2b9ddb7e12d"),
        arguments(
            "position latitude and longitude",
            new KuraPayload(
                null,
                new KuraPosition(1.0, -1.0, null, null, null, null, null, null, null),
                List.of(),
                null),
            "1212 09000000000000f03f 11000000000000f0bf"),
        arguments(
            "position, every field",
            new KuraPayload(
                null,
                new KuraPosition(1.0, -1.0, 2.0, 0.5, 90.0, 3.0, 1000L, 5, 4),
                List.of(),
                null),
            "123d 09000000000000f03f 11000000000000f0bf 190000000000000040 21000000000000e03f"
                + " 290000000000805640 310000000000000840 38e807 4005 4804"),
        arguments(
            "body", new KuraPayload(null, null, List.of(), "hi".getBytes()), "cab802 02 6869"),
        arguments("empty body", new KuraPayload(null, null, List.of(), new byte[0]), "cab802 00"),
        arguments(
            "fields in field-number order",
            new KuraPayload(
                Instant.ofEpochMilli(1),
                new KuraPosition(1.0, -1.0, null, null, null, null, null, null, null),
                List.of(new KuraMetric("b", true), new KuraMetric("i", 200)),
                "hi".getBytes()),
            "0801 1212 09000000000000f03f 11000000000000f0bf c2b80207 0a0162 1004 3801"
                + " c2b80208 0a0169 1003 30c801 cab802 02 6869"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void encodesToTheBytesProtobufWouldWrite(String name, KuraPayload payload, String hex) {
    assertThat(HexFormat.of().formatHex(KuraPayloadCodec.encode(payload)))
        .isEqualTo(hex.replace(" ", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void decodesThoseBytesBackStrictly(String name, KuraPayload payload, String hex)
      throws InvalidKuraPayloadException {
    byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
    assertThat(KuraPayloadCodec.decodeStrict(bytes)).isEqualTo(payload);
    assertThat(KuraPayloadCodec.decode(bytes)).isEqualTo(payload);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void appendingAMetricDecodesAsThePayloadWithThatMetricLast(
      String name, KuraPayload payload, String hex) {
    KuraMetric seq = new KuraMetric("edge.seq", 1_234_567_890_123L);
    byte[] appended = KuraPayloadCodec.appendMetric(KuraPayloadCodec.encode(payload), seq);

    assertThat(KuraPayloadCodec.decode(appended)).isEqualTo(payload.withMetric(seq));
    assertThat(HexFormat.of().formatHex(appended))
        .isEqualTo(hex.replace(" ", "") + HexFormat.of().formatHex(encodedMetricField(seq)));
  }

  private static byte[] encodedMetricField(KuraMetric metric) {
    return KuraPayloadCodec.encode(payload(metric));
  }

  private static KuraPayload payload(KuraMetric... metrics) {
    return new KuraPayload(null, null, List.of(metrics), null);
  }
}
