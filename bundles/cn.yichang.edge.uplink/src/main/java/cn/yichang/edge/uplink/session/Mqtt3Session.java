package cn.yichang.edge.uplink.session;

import java.time.Duration;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * MQTT 3.1.1 over Paho's asynchronous client. A 3.1.1 PUBACK carries no reason code: a broker that
 * denies a publish by ACL still acknowledges it, so every PUBACK counts as delivered.
 */
final class Mqtt3Session implements MqttSession {

  private final SessionOptions options;
  private final MqttAsyncClient client;

  Mqtt3Session(SessionOptions options, SessionListener listener) throws SessionException {
    this.options = options;
    try {
      client =
          new MqttAsyncClient(options.serverUri(), options.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new SessionException(options.serverUri() + ": " + Errors.describe(e), e);
    }
    client.setCallback(
        new MqttCallback() {
          @Override
          public void connectionLost(Throwable cause) {
            listener.connectionLost(cause == null ? "connection lost" : Errors.describe(cause));
          }

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            listener.messageArrived(topic, message.getPayload());
          }

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {
            // handled by each publish's action listener
          }
        });
  }

  @Override
  public ServerLimits connect() throws SessionException {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    o.setCleanSession(true);
    o.setAutomaticReconnect(false);
    o.setMaxInflight(options.maxInFlight());
    o.setKeepAliveInterval((int) options.keepAlive().toSeconds());
    o.setConnectionTimeout((int) options.connectTimeout().toSeconds());
    if (options.tls()) {
      o.setSocketFactory(options.socketFactory());
      o.setHttpsHostnameVerificationEnabled(true);
    }
    o.setWill(options.will().topic(), options.will().payload(), options.will().qos(), false);
    try {
      IMqttToken token = client.connect(o);
      token.waitForCompletion(options.connectDeadline().toMillis());
      if (!token.isComplete()) {
        throw ConnectFailures.noConnack(options);
      }
      return ServerLimits.NONE;
    } catch (MqttException e) {
      throw new SessionException(Errors.describe(e), e);
    }
  }

  @Override
  public void publish(String topic, byte[] payload, int qos, DeliveryListener listener)
      throws SessionException {
    try {
      client.publish(
          topic,
          payload,
          qos,
          false,
          null,
          new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              listener.delivered();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              listener.lost(e == null ? "not delivered" : Errors.describe(e));
            }
          });
    } catch (MqttException e) {
      throw new SessionException(Errors.describe(e), e);
    }
  }

  @Override
  public void subscribe(String topicFilter, int qos) throws SessionException {
    try {
      IMqttToken token = client.subscribe(topicFilter, qos);
      token.waitForCompletion(options.connectDeadline().toMillis());
      if (!token.isComplete()) {
        throw new SessionException("no SUBACK for " + topicFilter);
      }
      int[] granted = token.getGrantedQos();
      if (granted != null && granted.length > 0 && granted[0] >= 0x80) {
        throw new SessionException("the broker refused the subscription to " + topicFilter);
      }
    } catch (MqttException e) {
      throw new SessionException(topicFilter + ": " + Errors.describe(e), e);
    }
  }

  @Override
  public void disconnect(Duration quiesce) {
    try {
      client.disconnect(quiesce.toMillis()).waitForCompletion(quiesce.toMillis() + 1000);
    } catch (MqttException | RuntimeException e) {
      // the connection is going away either way; close() releases what is left
    }
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnectForcibly(0, 1000, false);
      }
    } catch (MqttException | RuntimeException e) {
      // closing anyway
    }
    try {
      client.close(true);
    } catch (MqttException | RuntimeException e) {
      // nothing more to release
    }
  }
}
