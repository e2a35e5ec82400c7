package cn.yichang.edge.demo;

import cn.yichang.edge.kura.KuraPayloadCodec;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The platform's side of the wire: subscribes to the gateway's data topics {@code
 * <account>/<gateway-id>/<app-id>/<device-id>} and its lifecycle topics {@code
 * $EDC/<account>/<gateway-id>/...}, decodes the Kura payloads and feeds {@link PlatformState}.
 */
final class PlatformSubscriber implements MqttCallback, AutoCloseable {

  private final MqttClient client;
  private final PlatformState state;
  private final String dataPrefix;
  private final String birthTopic;

  private PlatformSubscriber(MqttClient client, PlatformState state) {
    this.client = client;
    this.state = state;
    this.dataPrefix = DemoRig.ACCOUNT + "/" + DemoRig.GATEWAY_ID + "/" + DemoRig.APP_ID + "/";
    this.birthTopic = "$EDC/" + DemoRig.ACCOUNT + "/" + DemoRig.GATEWAY_ID + "/MQTT/BIRTH";
  }

  static PlatformSubscriber connect(String brokerUrl, PlatformState state) throws MqttException {
    MqttClient client = new MqttClient(brokerUrl, "sanxia-demo-platform", new MemoryPersistence());
    PlatformSubscriber subscriber = new PlatformSubscriber(client, state);
    client.setCallback(subscriber);
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setConnectionTimeout(5);
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    client.connect(options);
    client.subscribe(
        new String[] {
          subscriber.dataPrefix + "+", "$EDC/" + DemoRig.ACCOUNT + "/" + DemoRig.GATEWAY_ID + "/#"
        },
        new int[] {1, 1});
    return subscriber;
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    if (topic.equals(birthTopic)) {
      state.birth();
    } else if (topic.startsWith(dataPrefix)) {
      try {
        state.data(
            topic.substring(dataPrefix.length()), KuraPayloadCodec.decode(message.getPayload()));
      } catch (RuntimeException e) {
        state.undecodable();
      }
    }
  }

  @Override
  public void connectionLost(Throwable cause) {
    // the broker lives in this JVM and goes only when the demo stops
  }

  @Override
  public void deliveryComplete(IMqttDeliveryToken token) {
    // never publishes
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect(1000);
      }
      client.close();
    } catch (MqttException e) {
      // stopping anyway
    }
  }
}
