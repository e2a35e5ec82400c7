package cn.yichang.edge.kura;

/**
 * Bytes that are not a KuraPayload, with the field being read and its offset, so that a bad message
 * from the cloud can be told apart from a bug of ours in a log line.
 */
public final class InvalidKuraPayloadException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final long offset;

  /**
   * @param field the path of the field being read, e.g. {@code metric[2].type}, {@code gzip}
   * @param offset where that field starts, in bytes from the start of the (decompressed) payload
   */
  public InvalidKuraPayloadException(String field, long offset, String reason, Throwable cause) {
    super(field + " at offset " + offset + ": " + reason, cause);
    this.field = field;
    this.offset = offset;
  }

  public String field() {
    return field;
  }

  public long offset() {
    return offset;
  }
}
