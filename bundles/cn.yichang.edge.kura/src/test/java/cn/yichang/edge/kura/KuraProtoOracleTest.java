package cn.yichang.edge.kura;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Protobuf's own parser as an independent oracle: kurapayload.proto rebuilt as a descriptor (no
 * protoc), and {@link DynamicMessage} reading what we write and writing what we read.
 */
class KuraProtoOracleTest {

  private static final Descriptor PAYLOAD = kurapayloadProto();

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.yichang.edge.kura.KuraPayloadEncodingTest#payloads")
  void protobufReadsWhatWeWriteAndWritesItBackTheSame(String name, KuraPayload payload)
      throws Exception {
    byte[] ours = KuraPayloadCodec.encode(payload);

    DynamicMessage message = DynamicMessage.parseFrom(PAYLOAD, ours);

    assertThat(message.isInitialized()).as("required fields present").isTrue();
    assertThat(message.getUnknownFields().asMap()).as("no field of the wrong wire type").isEmpty();
    assertThat(message.toByteArray()).isEqualTo(ours);
  }

  @Test
  void weReadWhatProtobufWritesForEveryType() throws Exception {
    Descriptor metric = PAYLOAD.findNestedTypeByName("KuraMetric");
    Descriptor position = PAYLOAD.findNestedTypeByName("KuraPosition");
    DynamicMessage.Builder payload =
        DynamicMessage.newBuilder(PAYLOAD)
            .setField(PAYLOAD.findFieldByName("timestamp"), 1_572_343_340_242L)
            .setField(
                PAYLOAD.findFieldByName("position"),
                DynamicMessage.newBuilder(position)
                    .setField(position.findFieldByName("latitude"), 30.69)
                    .setField(position.findFieldByName("longitude"), 111.29)
                    .setField(position.findFieldByName("satellites"), -1)
                    .setField(position.findFieldByName("timestamp"), 5L)
                    .build())
            .setField(PAYLOAD.findFieldByName("body"), ByteString.copyFromUtf8("body"));
    Object[][] values = {
      {"DOUBLE", "double_value", -2.25},
      {"FLOAT", "float_value", 0.1f},
      {"INT64", "long_value", Long.MIN_VALUE},
      {"INT32", "int_value", Integer.MIN_VALUE},
      {"BOOL", "bool_value", true},
      {"STRING", "string_value", "三峡"},
      {"BYTES", "bytes_value", ByteString.copyFrom(new byte[] {(byte) 0x80, 0})}
    };
    for (Object[] row : values) {
      payload.addRepeatedField(
          PAYLOAD.findFieldByName("metric"),
          DynamicMessage.newBuilder(metric)
              .setField(metric.findFieldByName("name"), "m" + row[0])
              .setField(
                  metric.findFieldByName("type"),
                  metric.findEnumTypeByName("ValueType").findValueByName((String) row[0]))
              .setField(metric.findFieldByName((String) row[1]), row[2])
              .build());
    }

    KuraPayload decoded = KuraPayloadCodec.decodeStrict(payload.build().toByteArray());

    assertThat(decoded)
        .isEqualTo(
            new KuraPayload(
                Instant.ofEpochMilli(1_572_343_340_242L),
                new KuraPosition(30.69, 111.29, null, null, null, null, 5L, -1, null),
                List.of(
                    new KuraMetric("mDOUBLE", -2.25),
                    new KuraMetric("mFLOAT", 0.1f),
                    new KuraMetric("mINT64", Long.MIN_VALUE),
                    new KuraMetric("mINT32", Integer.MIN_VALUE),
                    new KuraMetric("mBOOL", true),
                    new KuraMetric("mSTRING", "三峡"),
                    new KuraMetric("mBYTES", new byte[] {(byte) 0x80, 0})),
                "body".getBytes()));
  }

  @Test
  void protobufReadsEveryCaptureAsACompleteKuraPayload() throws Exception {
    for (Path file : KuraCaptures.mqttFiles()) {
      byte[] plain =
          KuraPayloadCodec.encode(KuraPayloadCodec.decodeStrict(Files.readAllBytes(file)));

      DynamicMessage message = DynamicMessage.parseFrom(PAYLOAD, plain);

      assertThat(message.isInitialized()).as(file.getFileName().toString()).isTrue();
      assertThat(message.getUnknownFields().asMap()).as(file.getFileName().toString()).isEmpty();
    }
  }

  /** kurapayload.proto of eclipse-kura/kura, as a descriptor. */
  private static Descriptor kurapayloadProto() {
    EnumDescriptorProto.Builder valueType = EnumDescriptorProto.newBuilder().setName("ValueType");
    String[] types = {"DOUBLE", "FLOAT", "INT64", "INT32", "BOOL", "STRING", "BYTES"};
    for (int i = 0; i < types.length; i++) {
      valueType.addValue(EnumValueDescriptorProto.newBuilder().setName(types[i]).setNumber(i));
    }
    DescriptorProto metric =
        DescriptorProto.newBuilder()
            .setName("KuraMetric")
            .addEnumType(valueType)
            .addField(field("name", 1, Label.LABEL_REQUIRED, Type.TYPE_STRING))
            .addField(
                field("type", 2, Label.LABEL_REQUIRED, Type.TYPE_ENUM)
                    .setTypeName(".kuradatatypes.KuraPayload.KuraMetric.ValueType"))
            .addField(field("double_value", 3, Label.LABEL_OPTIONAL, Type.TYPE_DOUBLE))
            .addField(field("float_value", 4, Label.LABEL_OPTIONAL, Type.TYPE_FLOAT))
            .addField(field("long_value", 5, Label.LABEL_OPTIONAL, Type.TYPE_INT64))
            .addField(field("int_value", 6, Label.LABEL_OPTIONAL, Type.TYPE_INT32))
            .addField(field("bool_value", 7, Label.LABEL_OPTIONAL, Type.TYPE_BOOL))
            .addField(field("string_value", 8, Label.LABEL_OPTIONAL, Type.TYPE_STRING))
            .addField(field("bytes_value", 9, Label.LABEL_OPTIONAL, Type.TYPE_BYTES))
            .build();
    DescriptorProto position =
        DescriptorProto.newBuilder()
            .setName("KuraPosition")
            .addField(field("latitude", 1, Label.LABEL_REQUIRED, Type.TYPE_DOUBLE))
            .addField(field("longitude", 2, Label.LABEL_REQUIRED, Type.TYPE_DOUBLE))
            .addField(field("altitude", 3, Label.LABEL_OPTIONAL, Type.TYPE_DOUBLE))
            .addField(field("precision", 4, Label.LABEL_OPTIONAL, Type.TYPE_DOUBLE))
            .addField(field("heading", 5, Label.LABEL_OPTIONAL, Type.TYPE_DOUBLE))
            .addField(field("speed", 6, Label.LABEL_OPTIONAL, Type.TYPE_DOUBLE))
            .addField(field("timestamp", 7, Label.LABEL_OPTIONAL, Type.TYPE_INT64))
            .addField(field("satellites", 8, Label.LABEL_OPTIONAL, Type.TYPE_INT32))
            .addField(field("status", 9, Label.LABEL_OPTIONAL, Type.TYPE_INT32))
            .build();
    DescriptorProto payload =
        DescriptorProto.newBuilder()
            .setName("KuraPayload")
            .addNestedType(metric)
            .addNestedType(position)
            .addField(field("timestamp", 1, Label.LABEL_OPTIONAL, Type.TYPE_INT64))
            .addField(
                field("position", 2, Label.LABEL_OPTIONAL, Type.TYPE_MESSAGE)
                    .setTypeName(".kuradatatypes.KuraPayload.KuraPosition"))
            .addExtensionRange(DescriptorProto.ExtensionRange.newBuilder().setStart(3).setEnd(5000))
            .addField(
                field("metric", 5000, Label.LABEL_REPEATED, Type.TYPE_MESSAGE)
                    .setTypeName(".kuradatatypes.KuraPayload.KuraMetric"))
            .addField(field("body", 5001, Label.LABEL_OPTIONAL, Type.TYPE_BYTES))
            .build();
    FileDescriptorProto file =
        FileDescriptorProto.newBuilder()
            .setName("kurapayload.proto")
            .setPackage("kuradatatypes")
            .setSyntax("proto2")
            .addMessageType(payload)
            .build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[0])
          .findMessageTypeByName("KuraPayload");
    } catch (com.google.protobuf.Descriptors.DescriptorValidationException e) {
      throw new AssertionError(e);
    }
  }

  private static FieldDescriptorProto.Builder field(
      String name, int number, Label label, Type type) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setNumber(number)
        .setLabel(label)
        .setType(type);
  }
}
