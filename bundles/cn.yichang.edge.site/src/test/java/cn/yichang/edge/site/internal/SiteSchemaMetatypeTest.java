package cn.yichang.edge.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The site descriptions agree with the metatypes of the components they configure (as the
 * components' jars carry them): every property a site becomes is one the component declares, and a
 * key left out means the component's own default. The remote bundle depends on this one, so its
 * command configuration is not on this class path; RemoteSectionTest covers it.
 */
class SiteSchemaMetatypeTest {

  /** Each configuration's metatype, by the OCD file its component's jar carries. */
  static final Map<String, String> OCD_BY_PID =
      Map.ofEntries(
          Map.entry(
              SiteConfigurations.PROFILE_PID,
              "cn.yichang.edge.profile.internal.ProfileRepositoryConfig"),
          Map.entry(
              SiteConfigurations.BUS_FACTORY_PID, "cn.yichang.edge.bus.internal.SerialBusConfig"),
          Map.entry(
              "cn.yichang.edge.modbus.device", "cn.yichang.edge.modbus.internal.DeviceConfig"),
          Map.entry(
              "cn.yichang.edge.serialproto.ascii",
              "cn.yichang.edge.serialproto.internal.SerialDeviceConfig"),
          Map.entry(
              "cn.yichang.edge.serialproto.framed",
              "cn.yichang.edge.serialproto.internal.SerialDeviceConfig"),
          Map.entry(
              "cn.yichang.edge.gpio.device", "cn.yichang.edge.gpio.internal.GpioDeviceConfig"),
          Map.entry(SiteConfigurations.GPIO_PID, "cn.yichang.edge.gpio.config.GpioConfig"),
          Map.entry(SiteConfigurations.STORE_PID, "cn.yichang.edge.store.config.StoreConfig"),
          Map.entry(
              SiteConfigurations.TELEMETRY_PID,
              "cn.yichang.edge.kura.telemetry.KuraTelemetryConfig"),
          Map.entry(SiteConfigurations.UPLINK_PID, "cn.yichang.edge.uplink.config.UplinkConfig"),
          Map.entry(
              SiteConfigurations.HJ212_FACTORY_PID, "cn.yichang.edge.hj212.config.Hj212Config"));

  /** The section whose keys' defaults each configuration has. */
  static final Map<SectionKeys, String> PID_BY_SECTION =
      Map.of(
          SiteSchema.Hj212.KEYS, SiteConfigurations.HJ212_FACTORY_PID,
          SiteSchema.Bus.KEYS, SiteConfigurations.BUS_FACTORY_PID,
          SiteSchema.Device.KEYS, "cn.yichang.edge.modbus.device",
          SiteSchema.Pin.KEYS, "cn.yichang.edge.gpio.device",
          SiteSchema.Gpio.KEYS, SiteConfigurations.GPIO_PID,
          SiteSchema.Store.KEYS, SiteConfigurations.STORE_PID,
          SiteSchema.Report.KEYS, SiteConfigurations.TELEMETRY_PID,
          SiteSchema.Uplink.KEYS, SiteConfigurations.UPLINK_PID,
          SiteSchema.Tls.KEYS, SiteConfigurations.UPLINK_PID);

  @TempDir Path dir;

  @Test
  void everyPropertyASiteBecomesIsOneItsComponentDeclares() throws Exception {
    List<String> undeclared = new ArrayList<>();
    int checked = 0;
    for (SiteConfigurations.Desired d : configurationsOfSitesWithEverySection()) {
      String pid = d.factoryPid() == null ? d.name() : d.factoryPid();
      if (!OCD_BY_PID.containsKey(pid)) {
        continue;
      }
      Map<String, Element> declared = attributes(pid);
      for (String property : d.properties().keySet()) {
        // a reference's target and cardinality are the component runtime's, not the OCD's
        if (!property.endsWith(".target") && !property.endsWith(".cardinality.minimum")) {
          checked++;
          if (!declared.containsKey(property)) {
            undeclared.add(pid + ": " + property);
          }
        }
      }
    }
    assertThat(undeclared).isEmpty();
    assertThat(checked).isGreaterThan(50);
  }

  @Test
  void aKeyLeftOutMeansItsComponentsOwnDefault() throws Exception {
    List<String> disagreements = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<SectionKeys, String> s : PID_BY_SECTION.entrySet()) {
      Map<String, Element> declared = attributes(s.getValue());
      for (SiteKey<?> key : s.getKey().keys()) {
        Element ad = key.property() == null ? null : declared.get(key.property());
        if (ad == null || !ad.hasAttribute("default")) {
          continue;
        }
        checked++;
        String site = text(defaultProperty(key));
        if (!site.equals(ad.getAttribute("default"))) {
          disagreements.add(
              s.getKey().name()
                  + "."
                  + key.key()
                  + " -> "
                  + s.getValue()
                  + " "
                  + key.property()
                  + ": the site's default "
                  + site
                  + ", the component's "
                  + ad.getAttribute("default"));
        }
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(checked).isGreaterThan(20);
  }

  private static <T> Object defaultProperty(SiteKey<T> key) {
    return key.toProperty(key.defaultValue());
  }

  private static String text(Object value) {
    return value instanceof Object[] a
        ? String.join(",", SiteEdits.texts(a))
        : String.valueOf(value);
  }

  private List<SiteConfigurations.Desired> configurationsOfSitesWithEverySection()
      throws Exception {
    Path certs = Files.createDirectories(dir.resolve("certs"));
    for (String f : List.of("ca.pem", "gateway.pem", "gateway.key")) {
      Files.copy(SiteReaderTest.SITES.resolve("certs").resolve(f), certs.resolve(f));
    }
    Files.copy(SiteReaderTest.SITES.resolve("gpio/care-events.yaml"), dir.resolve("events.yaml"));
    Path full = Files.writeString(dir.resolve("full.yaml"), SiteSchemaTest.FULL);
    Path serial =
        Files.writeString(
            dir.resolve("serial.yaml"),
            """
            gateway: {id: gw-9, account: acct}
            buses:
              - {id: gnss, type: serial, port: /dev/ttyUSB1}
              - {id: rs485-3, type: serial, port: /dev/ttyUSB2}
            devices:
              - {id: tracker-1, profile: elderly-care/gnss-nmea, bus: gnss}
              - {id: weather-1, profile: agriculture/weather-ascii, bus: rs485-3}
            """);
    Path water =
        Files.writeString(
            dir.resolve("water.yaml"),
            """
            gateway: {id: gw-9, account: acct}
            buses:
              - {id: rs485-1, type: serial, port: /dev/ttyUSB1}
            devices:
              - {id: ph-01, profile: water/ph-orp, bus: rs485-1, unit: 2}
            hj212:
              - {id: env, url: 'tcp://127.0.0.1:9001', allow-plaintext: true, mn: M1,
                 password: '654321', st: '32', realtime: 60s, minute: 5m, ack: false,
                 timeout: 20s, retries: 5, devices: [ph-01], maintenance: [ph-01],
                 calibration: [ph-01/ph], time-zone: '+08:00'}
            """);
    List<SiteConfigurations.Desired> all = new ArrayList<>();
    for (Path site : List.of(full, serial, water)) {
      SiteReport report = SiteReader.read(site, SiteReaderTest.DISTRIBUTION);
      assertThat(report.errors()).as(site.toString()).isEmpty();
      all.addAll(SiteConfigurations.of(report.site(), SiteReaderTest.DISTRIBUTION, dir));
    }
    return all;
  }

  /** The attribute definitions of the OCD designated for {@code pid}, by id. */
  private static Map<String, Element> attributes(String pid) throws Exception {
    String resource = "OSGI-INF/metatype/" + OCD_BY_PID.get(pid) + ".xml";
    Document doc;
    try (InputStream in =
        SiteSchemaMetatypeTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the test class path").isNotNull();
      doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    List<String> designated = new ArrayList<>();
    NodeList designates = doc.getElementsByTagName("Designate");
    for (int i = 0; i < designates.getLength(); i++) {
      Element d = (Element) designates.item(i);
      designated.add(d.getAttribute("pid"));
      designated.add(d.getAttribute("factoryPid"));
    }
    assertThat(designated).as(resource + " designates " + pid).contains(pid);
    Map<String, Element> byId = new LinkedHashMap<>();
    NodeList ads = doc.getElementsByTagName("AD");
    for (int i = 0; i < ads.getLength(); i++) {
      Element ad = (Element) ads.item(i);
      byId.put(ad.getAttribute("id"), ad);
    }
    return byId;
  }
}
