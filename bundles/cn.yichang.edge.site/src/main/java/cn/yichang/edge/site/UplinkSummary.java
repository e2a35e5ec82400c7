package cn.yichang.edge.site;

import cn.yichang.edge.profile.yaml.Problems;
import cn.yichang.edge.profile.yaml.YamlFiles;
import cn.yichang.edge.site.internal.SiteSummaries;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What {@code provision check} needs of a site file, read by the site reader: the gateway's
 * identity and its uplink. Public for the tools on a plain class path; nothing else.
 *
 * @param errors the site file's errors as {@code FILE:LINE: field: message}; the other fields are
 *     null when there are any
 * @param url the broker url; null when the site has no uplink
 * @param ca CA file, absolute; null for a plaintext uplink
 * @param protocol {@code mqtt5}, {@code mqtt3} or {@code auto}
 */
public record UplinkSummary(
    List<String> errors,
    String id,
    String account,
    String url,
    Path ca,
    Path cert,
    Path key,
    Path p12,
    String password,
    boolean allowLoosePermissions,
    String protocol) {

  public static UplinkSummary read(Path file, Path distributionProfiles) {
    return SiteSummaries.uplink(file, distributionProfiles);
  }

  /**
   * The gateway id of a site file that may be incomplete (e.g. naming certificates not yet made):
   * only the {@code gateway.id} value, or null if the file has none.
   */
  public static String gatewayId(Path file) throws java.io.IOException {
    Problems problems = new Problems();
    String text =
        YamlFiles.text(file, problems)
            .orElseThrow(() -> new java.io.IOException(problems.list().get(0).toString()));
    Object tree;
    try {
      tree = new org.yaml.snakeyaml.Yaml(new SafeConstructor(YamlFiles.loaderOptions())).load(text);
    } catch (RuntimeException e) {
      throw new java.io.IOException(file + ": not YAML: " + e.getMessage(), e);
    }
    if (tree instanceof java.util.Map<?, ?> map
        && map.get("gateway") instanceof java.util.Map<?, ?> gateway
        && gateway.get("id") != null) {
      return String.valueOf(gateway.get("id"));
    }
    return null;
  }
}
