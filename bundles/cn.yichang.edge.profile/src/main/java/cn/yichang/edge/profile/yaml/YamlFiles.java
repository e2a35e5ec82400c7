package cn.yichang.edge.profile.yaml;

import cn.yichang.edge.profile.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a YAML file into its node tree, turning read and syntax errors into problems.
 *
 * <p>Every YAML file the gateway reads (site files, profiles, event scripts) is written by hand and
 * is a few kilobytes; the gateway's heap is 48 MB, and SnakeYAML's node tree of a 1.1 MB site file
 * exhausted it. So a file is refused above {@link #MAX_BYTES}, from its size alone, before a byte
 * of it is read, and what is read is parsed with limits that keep its memory bounded.
 */
public final class YamlFiles {

  /** The field named by a problem with the file itself rather than one of its keys. */
  public static final String FILE_FIELD = "yaml";

  /**
   * The largest YAML file read: 256 KiB. A site of 2,000 devices (more than a gateway's buses can
   * poll: 247 Modbus units a bus) takes about 200 KiB; the largest real sites are under 20 KiB. A
   * file of this size is read within the gateway's 48 MB heap (measured in the site bundle's
   * README).
   */
  public static final int MAX_BYTES = 256 * 1024;

  /** Deeper than any site or profile (4 levels) by far; a deeper file is an attack or a mistake. */
  static final int MAX_NESTING = 32;

  /** Aliases in a file: a few are handy, thousands build a billion laughs. */
  static final int MAX_ALIASES = 50;

  private YamlFiles() {}

  /**
   * Composes the single document of {@code file}.
   *
   * @return the root node, or empty after adding a problem when the file cannot be read, is larger
   *     than {@link #MAX_BYTES}, is not UTF-8, is not YAML, holds more than one document or is
   *     empty
   */
  public static Optional<Node> compose(Path file, Problems problems) {
    Optional<String> text = text(file, problems);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      Node root =
          new Yaml(new SafeConstructor(loaderOptions())).compose(new StringReader(text.get()));
      if (root == null) {
        problems.add(new Problem(file, 1, FILE_FIELD, "the file is empty"));
      }
      return Optional.ofNullable(root);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 1 : mark.getLine() + 1;
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
      problems.add(new Problem(file, line, FILE_FIELD, "not valid YAML: " + what + context));
    } catch (YAMLException e) {
      problems.add(new Problem(file, 1, FILE_FIELD, "not valid YAML: " + e.getMessage()));
    }
    return Optional.empty();
  }

  /**
   * The text of {@code file}: refused (a problem, empty) when it is larger than {@link #MAX_BYTES},
   * judged by its size before reading it, or is not UTF-8, naming the line and byte offset of the
   * first byte that is not.
   */
  public static Optional<String> text(Path file, Problems problems) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        problems.add(tooLarge(file, size));
        return Optional.empty();
      }
      // The size may change between the check and the read: never read more than the limit.
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      problems.add(new Problem(file, 1, FILE_FIELD, "no such file"));
      return Optional.empty();
    } catch (IOException e) {
      problems.add(new Problem(file, 1, FILE_FIELD, "cannot read: " + e));
      return Optional.empty();
    }
    if (bytes.length > MAX_BYTES) {
      problems.add(tooLarge(file, bytes.length));
      return Optional.empty();
    }
    return decode(file, bytes, problems);
  }

  /** SnakeYAML's limits for the files read here; also for callers that load a tree of objects. */
  public static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // MappingReader reports them, with their lines
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setCodePointLimit(MAX_BYTES); // a code point is at least one byte
    return options;
  }

  private static Problem tooLarge(Path file, long size) {
    return new Problem(
        file,
        1,
        FILE_FIELD,
        "the file is "
            + size
            + " bytes, more than the "
            + MAX_BYTES
            + " bytes ("
            + MAX_BYTES / 1024
            + " KiB) a YAML file may have here");
  }

  /** A decoder set to report, not replace, so that the first bad byte is found. */
  private static Optional<String> decode(Path file, byte[] bytes, Problems problems) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      problems.add(
          new Problem(
              file,
              line,
              FILE_FIELD,
              String.format(
                  "not UTF-8 text: byte 0x%02X at byte offset %d is not valid UTF-8 (save the"
                      + " file as UTF-8)",
                  bytes[offset] & 0xFF, offset)));
      return Optional.empty();
    }
    out.flip();
    return Optional.of(out.toString());
  }
}
