package cn.yichang.edge.site.internal;

import cn.yichang.edge.site.CommissionSummary;
import cn.yichang.edge.site.UplinkSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the exported summaries of a site file read from it, by the site reader. */
public final class SiteSummaries {
  private SiteSummaries() {}

  /** {@link CommissionSummary#read}. */
  public static CommissionSummary commission(Path file, Path distributionProfiles) {
    SiteReport report = SiteReader.read(file, distributionProfiles);
    if (!report.valid()) {
      return new CommissionSummary(
          report.errors().stream().map(Object::toString).toList(),
          null,
          null,
          List.of(),
          List.of(),
          List.of(),
          null);
    }
    Site site = report.site();
    List<Path> dirs = new ArrayList<>(site.profileDirs());
    if (distributionProfiles != null) {
      dirs.add(distributionProfiles);
    }
    return new CommissionSummary(
        List.of(),
        site.gateway().id(),
        site.gateway().account(),
        List.copyOf(dirs),
        site.buses().stream()
            .map(
                b ->
                    new CommissionSummary.Bus(
                        b.id(),
                        b.port(),
                        b.baud(),
                        b.parity(),
                        b.dataBits(),
                        b.stopBits(),
                        b.responseTimeout()))
            .toList(),
        site.devices().stream()
            .map(
                d ->
                    new CommissionSummary.Device(
                        d.id(),
                        d.profile(),
                        d.protocol(),
                        d.bus(),
                        d.unit(),
                        d.pin() == null ? -1 : d.pin().pin(),
                        d.pin() == null ? null : d.pin().pull()))
            .toList(),
        site.gpio() == null
            ? null
            : new CommissionSummary.Gpio(
                site.gpio().provider(), site.gpio().script(), site.gpio().scriptScale()));
  }

  /** {@link UplinkSummary#read}. */
  public static UplinkSummary uplink(Path file, Path distributionProfiles) {
    SiteReport report = SiteReader.read(file, distributionProfiles);
    if (!report.valid()) {
      return new UplinkSummary(
          report.errors().stream().map(Object::toString).toList(),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          false,
          null);
    }
    Site site = report.site();
    Site.Uplink uplink = site.uplink();
    Site.Tls tls = uplink == null ? null : uplink.tls();
    return new UplinkSummary(
        List.of(),
        site.gateway().id(),
        site.gateway().account(),
        uplink == null ? null : uplink.url(),
        tls == null ? null : tls.ca(),
        tls == null ? null : tls.cert(),
        tls == null ? null : tls.key(),
        tls == null ? null : tls.p12(),
        tls == null ? null : tls.password(),
        tls != null && tls.allowLoosePermissions(),
        uplink == null ? null : uplink.protocol());
  }
}
