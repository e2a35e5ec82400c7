package cn.yichang.edge.uplink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What bnd wrote from the annotations: the contract with SCR and with the site provisioning. */
class GeneratedDescriptorsTest {

  @Test
  void theUplinkStartsWithItsConfigurationAloneAndPublishesNoConfigurationAsServiceProperties()
      throws IOException {
    String xml = read("/OSGI-INF/cn.yichang.edge.uplink.internal.UplinkComponent.xml");
    assertThat(xml)
        .contains("configuration-pid=\"cn.yichang.edge.uplink\"")
        .contains("configuration-policy=\"require\"")
        .contains("immediate=\"true\"")
        .doesNotContain("<service>");
  }

  @Test
  void theConfigurationKeysAreTheOnesTheSiteFileWrites() throws IOException {
    String metatype = read("/OSGI-INF/metatype/cn.yichang.edge.uplink.config.UplinkConfig.xml");
    Matcher ad = Pattern.compile("<AD [^>]*id=\"([^\"]+)\"").matcher(metatype);
    List<String> keys = ad.results().map(m -> m.group(1)).toList();
    assertThat(keys)
        .containsExactly(
            "url",
            "protocol",
            "tls.ca",
            "tls.cert",
            "tls.key",
            "tls.p12",
            "tls.password",
            "tls.allow.loose.permissions",
            "allow.plaintext",
            "account",
            "client.id",
            "app.id",
            "in.flight",
            "keepalive.s",
            "reconnect.min.ms",
            "reconnect.max.ms",
            "connect.timeout.s",
            "max.message");
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = GeneratedDescriptorsTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
