package cn.yichang.edge.kura;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KuraTopicsTest {

  @Test
  void dataTopicsAreAccountClientAppAndSubtopic() {
    assertThat(KuraTopics.data("yichang", "gw-01", "sensors", "meter-7"))
        .isEqualTo("yichang/gw-01/sensors/meter-7");
    assertThat(KuraTopics.data("yichang", "gw-01", "sensors", "line-1/meter-7", "alarms"))
        .isEqualTo("yichang/gw-01/sensors/line-1/meter-7/alarms");
    assertThat(KuraTopics.data("yichang", "gw-01", "sensors")).isEqualTo("yichang/gw-01/sensors");
  }

  @Test
  void lifecycleTopicsAreUnderTheMqttAppOfTheControlNamespace() {
    assertThat(KuraTopics.birth("yichang", "gw-01")).isEqualTo("$EDC/yichang/gw-01/MQTT/BIRTH");
    assertThat(KuraTopics.dc("yichang", "gw-01")).isEqualTo("$EDC/yichang/gw-01/MQTT/DC");
    assertThat(KuraTopics.lwt("yichang", "gw-01")).isEqualTo("$EDC/yichang/gw-01/MQTT/LWT");
    assertThat(KuraTopics.apps("yichang", "gw-01")).isEqualTo("$EDC/yichang/gw-01/MQTT/APPS");
  }

  @Test
  void theGatewaySubscribesToEverythingUnderItsControlTopic() {
    assertThat(KuraTopics.controlSubscription("yichang", "gw-01"))
        .isEqualTo("$EDC/yichang/gw-01/#");
  }

  @Test
  void repliesGoToTheRequesterUnderTheRequestId() {
    assertThat(KuraTopics.reply("yichang", "KapuaPool-1", "CONF-V1", "5839333247693506940"))
        .isEqualTo("$EDC/yichang/KapuaPool-1/CONF-V1/REPLY/5839333247693506940");
    assertThat(KuraTopics.control("yichang", "gw-01", "CMD-V1", "EXEC/command"))
        .isEqualTo("$EDC/yichang/gw-01/CMD-V1/EXEC/command");
  }

  @ParameterizedTest
  @CsvSource({
    "gw-01, gw-01",
    "gw.yichang.cn, gw-yichang-cn",
    "a/b+c#d.e, a-b-c-d-e",
    "B8:27:EB:BC:98:B1, B8:27:EB:BC:98:B1"
  })
  void clientIdsLoseWhatKuraReplaces(String clientId, String sanitized) {
    assertThat(KuraTopics.sanitizeClientId(clientId)).isEqualTo(sanitized);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/b", "a+", "#"})
  void anAccountClientOrAppMustBeOneLevelWithoutWildcards(String level) {
    assertThatIllegalArgumentException().isThrownBy(() -> KuraTopics.data(level, "gw", "app"));
    assertThatIllegalArgumentException().isThrownBy(() -> KuraTopics.birth("acct", level));
    assertThatIllegalArgumentException().isThrownBy(() -> KuraTopics.data("acct", "gw", level));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a//b", "/a", "a/", "a/+", "#"})
  void aSubtopicMustHaveNoEmptyLevelNorWildcard(String subtopic) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> KuraTopics.data("acct", "gw", "app", subtopic));
  }

  @Test
  void aRequestTopicIsTakenApart() {
    assertThat(KuraTopics.parseRequest("$EDC/yichang/gw-01/CONF-V1/GET/configurations/org.a.B"))
        .contains(
            new KuraRequestTopic(
                "yichang", "gw-01", "CONF-V1", "GET", List.of("configurations", "org.a.B")));
    KuraRequestTopic exec = KuraTopics.parseRequest("$EDC/yichang/gw-01/CMD-V1/EXEC").orElseThrow();
    assertThat(exec.resources()).isEmpty();
    assertThat(exec.isRequest()).isTrue();
    KuraRequestTopic start =
        KuraTopics.parseRequest("$EDC/y/gw/DEPLOY-V2/EXEC/start/42").orElseThrow();
    assertThat(start.resourcePath()).isEqualTo("start/42");
  }

  @Test
  void repliesAndUnknownMethodsParseButAreNoRequests() {
    assertThat(KuraTopics.parseRequest("$EDC/y/KapuaPool-1/CONF-V1/REPLY/123").orElseThrow())
        .extracting(KuraRequestTopic::method, KuraRequestTopic::isRequest)
        .containsExactly("REPLY", false);
    assertThat(KuraTopics.parseRequest("$EDC/y/gw/CONF-V1/PATCH/x").orElseThrow().isRequest())
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yichang/gw-01/sensors/meter-7",
        "$EDC/yichang/gw-01/CONF-V1",
        "$EDC/yichang/gw-01",
        "$EDC//gw-01/CONF-V1/GET",
        "$EDC/yichang/gw-01/CONF-V1/GET/",
        "$EDC/yichang/gw-01/CONF-V1/GET//x",
        "$EDX/yichang/gw-01/CONF-V1/GET"
      })
  void otherTopicsAreNoRequests(String topic) {
    assertThat(KuraTopics.parseRequest(topic)).isEmpty();
  }

  @Test
  void aTopicBuiltForARequestParsesBack() {
    String topic = KuraTopics.control("acct", "gw", "DEPLOY-V2", "EXEC", "stop/17");

    assertThat(KuraTopics.parseRequest(topic))
        .contains(new KuraRequestTopic("acct", "gw", "DEPLOY-V2", "EXEC", List.of("stop", "17")));
  }
}
