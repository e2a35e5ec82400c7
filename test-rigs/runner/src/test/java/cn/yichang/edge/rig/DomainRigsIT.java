package cn.yichang.edge.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each domain rig's short scenario end to end — simulated buses, a TLS Mosquitto, the built
 * distribution, a broker outage and a device fault — and its report must say that nothing was lost.
 * The distribution comes from the {@code distrib} module of the same build ({@code sanxia.home});
 * socat and mosquitto must be installed, or the rigs are skipped.
 */
class DomainRigsIT {

  private static final Path HOME =
      Path.of(System.getProperty("sanxia.home", "../../distrib/target/sanxia-edge"));
  private static final Path RIGS = Path.of(System.getProperty("sanxia.rigs", "../rigs"));

  @ParameterizedTest
  @ValueSource(strings = {"agriculture", "water-quality", "parking", "elderly-care"})
  void shortScenarioLosesNothing(String name) throws Exception {
    String missing = RigMain.missingTools(HOME);
    assumeTrue(missing == null, () -> "rig " + name + " skipped: " + missing);
    RigReader.Result read =
        RigReader.read(RIGS.resolve(name + ".yaml"), RigRunner.distributionProfiles(HOME));
    assertThat(read.problems()).isEmpty();

    Path work = Path.of("target", "rigs", name).toAbsolutePath();
    RigReport report = new RigRunner(HOME, work).run(read.rig().shortened(), true);
    String text = ReportText.of(report);
    System.out.print(text);

    assertThat(report.failures()).as(text).isEmpty();
    assertThat(report.devices()).as(text).allSatisfy(d -> assertThat(d.received()).isPositive());
    assertThat(report.seq().missing()).as(text).isZero();
    assertThat(report.run().played()).as(text).hasSameSizeAs(read.rig().timeline());
  }
}
