package cn.yichang.edge.kura.internal;

/**
 * A deflate encoder (RFC 1951) for small payloads: one final block with the fixed Huffman codes and
 * greedy LZ77 matches found through a small hash table.
 *
 * <p>Why not {@link java.util.zip.Deflater}: for a reading of about a hundred bytes, zlib spends
 * most of its time resetting its 64 KiB hash table and building dynamic Huffman trees, about 12 us
 * per message on a Raspberry Pi-class core, for a payload that gzip almost never shortens. This
 * encoder needs no state beyond a 2 KiB table and takes well under a microsecond, so every message
 * can still be tried.
 */
final class FixedDeflate {

  private static final int HASH_BITS = 9;
  private static final int MIN_MATCH = 3;
  private static final int MAX_MATCH = 258;
  private static final int WINDOW = 32768;

  // Lengths 3..258 by length code 257..285 (RFC 1951, 3.2.5).
  private static final int[] LENGTH_BASE = new int[29];
  private static final int[] LENGTH_EXTRA = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
  };
  private static final int[] DIST_BASE = new int[30];
  private static final int[] DIST_EXTRA = {
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
  };
  // The fixed literal/length code of each symbol, bit-reversed for the LSB-first bit stream.
  private static final int[] LITLEN_CODE = new int[288];
  private static final int[] LITLEN_BITS = new int[288];
  private static final byte[] LENGTH_SYMBOL = new byte[MAX_MATCH + 1]; // symbol - 257
  private static final int[] DIST_CODE = new int[30]; // 5-bit codes, reversed

  static {
    int base = 3;
    for (int i = 0; i < 28; i++) {
      LENGTH_BASE[i] = base;
      base += 1 << LENGTH_EXTRA[i];
    }
    LENGTH_BASE[28] = 258;
    for (int code = 0; code < 29; code++) {
      int end = code == 27 ? 257 : code == 28 ? 258 : LENGTH_BASE[code + 1] - 1;
      for (int length = LENGTH_BASE[code]; length <= end; length++) {
        LENGTH_SYMBOL[length] = (byte) code;
      }
    }
    base = 1;
    for (int i = 0; i < 30; i++) {
      DIST_BASE[i] = base;
      base += 1 << DIST_EXTRA[i];
      DIST_CODE[i] = reverse(i, 5);
    }
    for (int s = 0; s < 288; s++) {
      int code;
      int bits;
      if (s < 144) {
        code = 0x30 + s;
        bits = 8;
      } else if (s < 256) {
        code = 0x190 + s - 144;
        bits = 9;
      } else if (s < 280) {
        code = s - 256;
        bits = 7;
      } else {
        code = 0xC0 + s - 280;
        bits = 8;
      }
      LITLEN_CODE[s] = reverse(code, bits);
      LITLEN_BITS[s] = bits;
    }
  }

  private final int[] table = new int[1 << HASH_BITS];

  private byte[] out;
  private int outLength;
  private int limit;
  private long bitBuffer;
  private int bitCount;

  /**
   * Deflates {@code in} into {@code dest} from {@code offset}.
   *
   * @return the offset after the last byte written, or -1 as soon as the output would reach {@code
   *     limit} (then {@code dest} holds garbage from {@code offset})
   */
  int deflate(byte[] in, byte[] dest, int offset, int limit) {
    java.util.Arrays.fill(table, -1);
    this.out = dest;
    this.outLength = offset;
    this.limit = limit;
    this.bitBuffer = 0;
    this.bitCount = 0;
    bits(0b011, 3); // BFINAL = 1, BTYPE = 01: fixed Huffman codes
    int n = in.length;
    int i = 0;
    while (i < n) {
      int matchLength = 0;
      int distance = 0;
      if (i + MIN_MATCH <= n) {
        int h = hash(in, i);
        int candidate = table[h];
        table[h] = i;
        if (candidate >= 0 && i - candidate <= WINDOW) {
          int max = Math.min(MAX_MATCH, n - i);
          int length = 0;
          while (length < max && in[candidate + length] == in[i + length]) {
            length++;
          }
          if (length >= MIN_MATCH) {
            matchLength = length;
            distance = i - candidate;
          }
        }
      }
      if (matchLength == 0) {
        symbol(in[i] & 0xff);
        i++;
      } else {
        match(matchLength, distance);
        int end = i + matchLength;
        // Index the positions inside the match too: the next repetition is found from any of them.
        for (i++; i < end && i + MIN_MATCH <= n; i++) {
          table[hash(in, i)] = i;
        }
        i = end;
      }
      if (outLength >= limit) {
        return -1;
      }
    }
    symbol(256);
    if (bitCount > 0) {
      bits(0, 8 - bitCount);
    }
    return outLength >= limit ? -1 : outLength;
  }

  private static int hash(byte[] in, int i) {
    int v = (in[i] & 0xff) << 16 | (in[i + 1] & 0xff) << 8 | (in[i + 2] & 0xff);
    return (v * 0x9E3779B1) >>> (32 - HASH_BITS);
  }

  private void match(int length, int distance) {
    int code = LENGTH_SYMBOL[length];
    symbol(257 + code);
    if (LENGTH_EXTRA[code] > 0) {
      bits(length - LENGTH_BASE[code], LENGTH_EXTRA[code]);
    }
    int d = distanceCode(distance);
    bits(DIST_CODE[d], 5);
    if (DIST_EXTRA[d] > 0) {
      bits(distance - DIST_BASE[d], DIST_EXTRA[d]);
    }
  }

  private static int distanceCode(int distance) {
    int d = 0;
    while (d < 29 && DIST_BASE[d + 1] <= distance) {
      d++;
    }
    return d;
  }

  private void symbol(int s) {
    bits(LITLEN_CODE[s], LITLEN_BITS[s]);
  }

  private void bits(int value, int count) {
    bitBuffer |= (long) value << bitCount;
    bitCount += count;
    while (bitCount >= 8) {
      if (outLength < limit) {
        out[outLength] = (byte) bitBuffer;
      }
      outLength++;
      bitBuffer >>>= 8;
      bitCount -= 8;
    }
  }

  private static int reverse(int code, int bits) {
    return Integer.reverse(code) >>> (32 - bits);
  }
}
