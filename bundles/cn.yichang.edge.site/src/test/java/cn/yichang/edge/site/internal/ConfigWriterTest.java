package cn.yichang.edge.site.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yichang.edge.site.internal.SiteConfigurations.Desired;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class ConfigWriterTest {

  private static final String BUS = "cn.yichang.edge.bus";

  private final ConfigurationAdmin admin = mock(ConfigurationAdmin.class);
  private final ConfigWriter writer = new ConfigWriter(admin);

  @Test
  void writesANewFactoryConfigurationWithLocationAny() throws Exception {
    Configuration bus = mock(Configuration.class);
    when(admin.getFactoryConfiguration(BUS, "rs485-1", "?")).thenReturn(bus);

    var changes =
        writer.apply(
            List.of(new Desired(BUS, "rs485-1", Map.of("id", "rs485-1", "baud", 9600))),
            Set.of(BUS),
            Set.of());

    @SuppressWarnings("unchecked")
    ArgumentCaptor<Dictionary<String, Object>> written = ArgumentCaptor.forClass(Dictionary.class);
    verify(bus).update(written.capture());
    assertThat(written.getValue().get("baud")).isEqualTo(9600);
    assertThat(written.getValue().size()).isEqualTo(2);
    assertThat(changes.written()).containsExactly("cn.yichang.edge.bus~rs485-1");
  }

  @Test
  void leavesAnEqualConfigurationAlone() throws Exception {
    Configuration profile = mock(Configuration.class);
    Hashtable<String, Object> stored = new Hashtable<>();
    stored.put("service.pid", "cn.yichang.edge.profile");
    stored.put("dirs", new String[] {"/a", "/b"});
    when(profile.getProperties()).thenReturn(stored);
    when(admin.getConfiguration("cn.yichang.edge.profile", "?")).thenReturn(profile);

    var changes =
        writer.apply(
            List.of(
                Desired.singleton(
                    "cn.yichang.edge.profile", Map.of("dirs", new String[] {"/a", "/b"}))),
            Set.of(),
            Set.of());

    verify(profile, never()).update(any());
    assertThat(changes.unchanged()).containsExactly("cn.yichang.edge.profile");
  }

  @Test
  void comparesValuesWithTheirTypesAndKeys() {
    Hashtable<String, Object> stored =
        new Hashtable<>(Map.of("service.pid", "p", "unit", 1, "poll.ms", 10_000L));

    assertThat(ConfigWriter.same(stored, Map.of("unit", 1, "poll.ms", 10_000L))).isTrue();
    assertThat(ConfigWriter.same(stored, Map.of("unit", 1L, "poll.ms", 10_000L))).isFalse();
    assertThat(ConfigWriter.same(stored, Map.of("unit", 2, "poll.ms", 10_000L))).isFalse();
    assertThat(ConfigWriter.same(stored, Map.of("unit", 1))).isFalse();
    assertThat(ConfigWriter.same(stored, Map.of("unit", 1, "poll.ms", 10_000L, "bus", "b")))
        .isFalse();
    assertThat(ConfigWriter.same(null, Map.of())).isFalse();
  }

  @Test
  void deletesConfigurationsOfOwnedFactoriesThatAreNotWanted() throws Exception {
    Configuration kept = mock(Configuration.class);
    Configuration gone = mock(Configuration.class);
    when(kept.getPid()).thenReturn("cn.yichang.edge.bus~rs485-1");
    when(gone.getPid()).thenReturn("cn.yichang.edge.bus~rs485-9");
    when(admin.getFactoryConfiguration(BUS, "rs485-1", "?")).thenReturn(kept);
    when(admin.listConfigurations("(service.factoryPid=cn.yichang.edge.bus)"))
        .thenReturn(new Configuration[] {kept, gone});

    var changes =
        writer.apply(
            List.of(new Desired(BUS, "rs485-1", Map.of("id", "rs485-1"))), Set.of(BUS), Set.of());

    verify(gone).delete();
    verify(kept, never()).delete();
    assertThat(changes.deleted()).containsExactly("cn.yichang.edge.bus~rs485-9");
  }
}
