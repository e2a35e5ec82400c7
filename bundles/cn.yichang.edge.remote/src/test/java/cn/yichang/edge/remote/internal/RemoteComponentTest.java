package cn.yichang.edge.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yichang.edge.kura.KuraPayloadCodec;
import cn.yichang.edge.remote.RemoteApp;
import cn.yichang.edge.remote.Request;
import cn.yichang.edge.remote.Response;
import cn.yichang.edge.uplink.ControlChannel;
import cn.yichang.edge.uplink.ControlReceiver;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.ConfigurationEvent;

class RemoteComponentTest {

  static final class FakeChannel implements ControlChannel {
    volatile ControlReceiver receiver;
    final List<List<String>> appIds = new CopyOnWriteArrayList<>();
    final List<String> published = new CopyOnWriteArrayList<>();
    final AtomicInteger announcements = new AtomicInteger();

    @Override
    public String account() {
      return "acct";
    }

    @Override
    public String clientId() {
      return "gw-1";
    }

    @Override
    public AutoCloseable receive(ControlReceiver r) {
      receiver = r;
      return () -> receiver = null;
    }

    @Override
    public int maxPayload(String topic) {
      return Integer.MAX_VALUE;
    }

    @Override
    public boolean publishNow(String topic, byte[] payload, int qos) {
      published.add(topic);
      return true;
    }

    @Override
    public void applicationIds(Collection<String> ids) {
      appIds.add(ids.stream().sorted().toList());
    }

    @Override
    public void announce() {
      announcements.incrementAndGet();
    }
  }

  static RemoteConfig defaults() {
    return new RemoteConfig() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return RemoteConfig.class;
      }

      @Override
      public int max_request_bytes() {
        return 1024 * 1024;
      }

      @Override
      public int request_timeout_s() {
        return 5;
      }

      @Override
      public int workers() {
        return 2;
      }

      @Override
      public int queue() {
        return 4;
      }
    };
  }

  static RemoteApp app(String id) {
    return new RemoteApp() {
      @Override
      public String appId() {
        return id;
      }

      @Override
      public Response handle(Request request) {
        return Response.ok();
      }
    };
  }

  @Test
  void receivesWhileActiveListsItsAppsAndStopsReceivingWhenDeactivated() throws Exception {
    FakeChannel channel = new FakeChannel();
    RemoteComponent component = new RemoteComponent(channel, defaults(), null);
    RemoteApp conf = app("CONF-V1");
    component.addApp(conf);
    component.addApp(app("CMD-V1"));
    assertThat(channel.appIds).last().isEqualTo(List.of("CMD-V1", "CONF-V1"));

    channel.receiver.received(
        "$EDC/acct/gw-1/CONF-V1/GET/configurations",
        KuraPayloadCodec.encode(
            RequestDispatcherTest.decodeable(RequestDispatcherTest.request("1", "console", null))));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> channel.published.contains("$EDC/acct/console/CONF-V1/REPLY/1"));

    component.removeApp(conf);
    assertThat(channel.appIds).last().isEqualTo(List.of("CMD-V1"));
    component.deactivate();
    assertThat(channel.receiver).isNull();
  }

  @Test
  void aConfigurationChangeAsksForANewBirth() {
    FakeChannel channel = new FakeChannel();
    RemoteComponent component = new RemoteComponent(channel, defaults(), null);
    @SuppressWarnings("unchecked")
    org.osgi.framework.ServiceReference<org.osgi.service.cm.ConfigurationAdmin> admin =
        org.mockito.Mockito.mock(org.osgi.framework.ServiceReference.class);

    component.configurationEvent(
        new ConfigurationEvent(admin, ConfigurationEvent.CM_UPDATED, null, "cn.yichang.edge.x"));
    component.configurationEvent(
        new ConfigurationEvent(
            admin, ConfigurationEvent.CM_LOCATION_CHANGED, null, "cn.yichang.edge.x"));

    assertThat(channel.announcements).hasValue(1);
  }
}
