package cn.yichang.edge.profile;

import java.nio.file.Path;

/** One thing wrong with a site file or a profile, located for the person who must fix it. */
public record Problem(Path file, int line, String field, String message) {

  /** {@code FILE:LINE: field: what is wrong}, the format {@code validate} prints. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + field + ": " + message;
  }
}
