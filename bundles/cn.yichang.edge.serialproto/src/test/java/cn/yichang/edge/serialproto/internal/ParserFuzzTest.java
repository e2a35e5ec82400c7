package cn.yichang.edge.serialproto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yichang.edge.profile.FrameChecksum;
import cn.yichang.edge.profile.FramedSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random bytes, and valid messages cut and mutated at random, fed in random chunks to each parser:
 * no exception escapes, the parser never holds more than its capacity, and a valid message after
 * any garbage is still found. Seeds are fixed, so a failure repeats; each run feeds ~2 MB.
 */
class ParserFuzzTest {

  private static final int ROUNDS = 2_000;

  @Test
  void lineParserSurvivesRandomBytes() {
    fuzz(() -> new LineParser(Specs.gnss()), 1, gnssMessages());
    fuzz(
        () -> new LineParser(Specs.weather()),
        2,
        List.of(
            "0R0,Dm=027D,Sm=3.2M,Ta=-3.6C,Ua=64.2P,Pa=1006.6H,Rc=12.40M,Sr=412.0W\r\n"
                .getBytes(StandardCharsets.ISO_8859_1)));
  }

  @Test
  void frameParserSurvivesRandomBytes() {
    fuzz(
        () -> new FrameParser(Specs.radar()),
        3,
        List.of(
            FrameParserTest.bytes(FrameParserTest.STATUS),
            FrameParserTest.bytes(FrameParserTest.radar("80 8F", "23 50 01 2C 00 00 00 04"))));
  }

  @Test
  void frameParserSurvivesRandomBytesWithFixedFramesAndCrcs(@TempDir Path dir) {
    FramedSpec fixed =
        Specs.inline(
                dir,
                """
                protocol: framed
                header: "7E"
                frame-length: 8
                checksum: {type: crc16-modbus, from: 1}
                fields: [{name: v, at: 1, type: int32, order: little}]
                """)
            .spec(FramedSpec.class);
    byte[] body = {0x7E, 1, 2, 3, 4, 5};
    byte[] crc = FrameChecksum.CRC16_MODBUS.compute(body, 1, body.length);
    fuzz(() -> new FrameParser(fixed), 4, List.of(concat(body, crc)));

    FramedSpec counted =
        Specs.inline(
                dir,
                """
                protocol: framed
                header: "AA"
                trailer: "55"
                length: {at: 1, counts: frame}
                checksum: {type: crc16-ccitt, from: 1}
                max-length: 32
                fields: [{name: v, at: 2, type: uint16}]
                """)
            .spec(FramedSpec.class);
    byte[] head = {(byte) 0xAA, 7, 1, 2};
    byte[] ccitt = FrameChecksum.CRC16_CCITT.compute(head, 1, head.length);
    fuzz(
        () -> new FrameParser(counted), 5, List.of(concat(concat(head, ccitt), new byte[] {0x55})));
  }

  private static List<byte[]> gnssMessages() {
    return List.of(
        LineParserTest.GGA.getBytes(StandardCharsets.ISO_8859_1),
        LineParserTest.RMC.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static void fuzz(Supplier<MessageParser> parsers, long seed, List<byte[]> valid) {
    Random random = new Random(seed);
    MessageParser parser = parsers.get();
    Recorder sink = new Recorder();
    for (int round = 0; round < ROUNDS; round++) {
      byte[] input = noise(random, valid);
      feedInChunks(parser, input, random, sink);
      assertThat(parser.buffered()).isLessThanOrEqualTo(parser.capacity());
      sink.messages.clear();
      sink.events.clear();
      // Whatever came before, valid messages are read again: the parser resynchronises, at the
      // latest once the bytes of a partial message it waits for have shown it to be false (which
      // takes no more than its capacity).
      byte[] message = valid.get(random.nextInt(valid.size()));
      byte[] again = new byte[0];
      for (int k = 0; k <= parser.capacity() / message.length + 1; k++) {
        again = concat(again, message);
      }
      feedInChunks(parser, again, random, sink);
      assertThat(sink.messages)
          .as(
              "round %d: %s then %s: %s",
              round,
              java.util.HexFormat.of().formatHex(input),
              java.util.HexFormat.of().formatHex(again),
              sink.events)
          .isNotEmpty();
      sink.messages.clear();
      sink.events.clear();
    }
  }

  private static void feedInChunks(
      MessageParser parser, byte[] input, Random random, MessageParser.Listener sink) {
    int i = 0;
    while (i < input.length) {
      int n = Math.min(input.length - i, 1 + random.nextInt(64));
      parser.feed(input, i, n, sink);
      assertThat(parser.buffered()).isLessThanOrEqualTo(parser.capacity());
      i += n;
    }
  }

  /** Random bytes, or pieces of valid messages with bytes flipped, dropped and repeated. */
  private static byte[] noise(Random random, List<byte[]> valid) {
    int length = random.nextInt(1024);
    byte[] out = new byte[length];
    int i = 0;
    while (i < length) {
      if (random.nextBoolean()) {
        out[i++] = (byte) random.nextInt(256);
      } else {
        byte[] m = valid.get(random.nextInt(valid.size()));
        int from = random.nextInt(m.length);
        int n = Math.min(length - i, random.nextInt(m.length - from) + 1);
        System.arraycopy(m, from, out, i, n);
        if (random.nextInt(4) == 0) {
          out[i + random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
        }
        i += n;
      }
    }
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
