package cn.yichang.edge.profile.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

class ProfileRepositoryComponentTest {

  private final BundleContext context = mock(BundleContext.class);

  @Test
  void searchesTheConfiguredDirectoriesInOrder() {
    when(context.getProperty("sanxia.profiles")).thenReturn("/opt/sanxia-edge/device-profiles");

    var component = new ProfileRepositoryComponent(context, config("/opt/site/profiles", "/b"));

    assertThat(component.dirs()).containsExactly(Path.of("/opt/site/profiles"), Path.of("/b"));
  }

  @Test
  void withoutConfigurationSearchesTheDistributionDirectory() {
    when(context.getProperty("sanxia.profiles")).thenReturn("/opt/sanxia-edge/device-profiles");

    var component = new ProfileRepositoryComponent(context, config());

    assertThat(component.dirs()).containsExactly(Path.of("/opt/sanxia-edge/device-profiles"));
  }

  @Test
  void withNothingConfiguredFindsNothing() throws Exception {
    var component = new ProfileRepositoryComponent(context, config(""));

    assertThat(component.dirs()).isEmpty();
    assertThat(component.find("water/ph-orp")).isEmpty();
  }

  @Test
  void appliesAChangedListInPlace() {
    var component = new ProfileRepositoryComponent(context, config("/a"));

    component.modified(config("/b", "/c"));

    assertThat(component.dirs()).containsExactly(Path.of("/b"), Path.of("/c"));
  }

  private static ProfileRepositoryConfig config(String... dirs) {
    ProfileRepositoryConfig config = mock(ProfileRepositoryConfig.class);
    when(config.dirs()).thenReturn(dirs);
    return config;
  }
}
