package cn.yichang.edge.profile.yaml;

import cn.yichang.edge.profile.Problem;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
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

/** Reads a YAML file into its node tree, turning read and syntax errors into problems. */
public final class YamlFiles {

  /** The field named by a problem with the file itself rather than one of its keys. */
  public static final String FILE_FIELD = "yaml";

  private YamlFiles() {}

  /**
   * Composes the single document of {@code file}.
   *
   * @return the root node, or empty after adding a problem when the file cannot be read, is not
   *     YAML, holds more than one document or is empty
   */
  public static Optional<Node> compose(Path file, Problems problems) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // MappingReader reports them, with their lines
    options.setMaxAliasesForCollections(50);
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Node root = new Yaml(new SafeConstructor(options)).compose(in);
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
    } catch (NoSuchFileException e) {
      problems.add(new Problem(file, 1, FILE_FIELD, "no such file"));
    } catch (CharacterCodingException e) {
      problems.add(new Problem(file, 1, FILE_FIELD, "not UTF-8 text"));
    } catch (IOException e) {
      problems.add(new Problem(file, 1, FILE_FIELD, "cannot read: " + e));
    }
    return Optional.empty();
  }
}
