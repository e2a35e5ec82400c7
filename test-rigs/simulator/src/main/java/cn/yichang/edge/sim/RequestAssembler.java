package cn.yichang.edge.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Cuts the received byte stream into request frames. A slave knows how long each request is from
 * its function code, so a frame ends as soon as its last byte is in; only a request with an unknown
 * function code ends at the 3.5-character gap. After a bad CRC or a truncated frame everything is
 * dropped until the line has been quiet for that gap, which is how a real slave finds the start of
 * the next frame again.
 */
final class RequestAssembler {

  /** Longest RTU frame: 256 bytes. */
  private static final int MAX_FRAME = 256;

  private final long gapNanos;
  private final byte[] buffer = new byte[MAX_FRAME];
  private int length;
  private long firstByteNanos;
  private long lastByteNanos;
  private boolean discarding;
  private long crcErrors;
  private long discardedBytes;

  RequestAssembler(long gapNanos) {
    this.gapNanos = gapNanos;
  }

  /** Takes a chunk of received bytes; returns the frames it completes. */
  List<ReceivedFrame> accept(TimedChunk chunk) {
    List<ReceivedFrame> frames = new ArrayList<>(gapElapsed(chunk.arrivalNanos()));
    lastByteNanos = chunk.arrivalNanos();
    if (discarding) {
      discardedBytes += chunk.bytes().length;
      return frames;
    }
    for (byte b : chunk.bytes()) {
      if (length == 0) {
        firstByteNanos = chunk.arrivalNanos();
      }
      if (length == MAX_FRAME) {
        dropAll();
        discardedBytes++;
        continue;
      }
      if (discarding) {
        discardedBytes++;
        continue;
      }
      buffer[length++] = b;
      completeFrame().ifPresent(frames::add);
    }
    return frames;
  }

  /**
   * Called when nothing arrived until {@code nowNanos}: if the line has been quiet for the gap,
   * ends a frame that waits for it and leaves the discarding state.
   */
  List<ReceivedFrame> gapElapsed(long nowNanos) {
    if (!hasPending() || nowNanos - lastByteNanos < gapNanos) {
      return List.of();
    }
    discarding = false;
    if (length == 0) {
      return List.of();
    }
    List<ReceivedFrame> frames = List.of();
    if (RtuFrames.requestLength(buffer, length) == RtuFrames.ENDS_AT_GAP
        && RtuFrames.crcValid(buffer, length)) {
      frames = List.of(new ReceivedFrame(Arrays.copyOf(buffer, length), firstByteNanos));
    } else {
      discardedBytes += length; // a truncated frame, or garbage
    }
    length = 0;
    return frames;
  }

  /** When the gap that would end the pending bytes runs out, if any bytes are pending. */
  OptionalLong gapDeadline() {
    return hasPending() ? OptionalLong.of(lastByteNanos + gapNanos) : OptionalLong.empty();
  }

  long crcErrors() {
    return crcErrors;
  }

  long discardedBytes() {
    return discardedBytes;
  }

  private boolean hasPending() {
    return length > 0 || discarding;
  }

  private Optional<ReceivedFrame> completeFrame() {
    int expected = RtuFrames.requestLength(buffer, length);
    if (expected < 0 || length < expected) {
      return Optional.empty();
    }
    if (!RtuFrames.crcValid(buffer, expected)) {
      crcErrors++;
      dropAll();
      return Optional.empty();
    }
    ReceivedFrame frame = new ReceivedFrame(Arrays.copyOf(buffer, expected), firstByteNanos);
    length = 0;
    return Optional.of(frame);
  }

  private void dropAll() {
    discardedBytes += length;
    length = 0;
    discarding = true;
  }
}
