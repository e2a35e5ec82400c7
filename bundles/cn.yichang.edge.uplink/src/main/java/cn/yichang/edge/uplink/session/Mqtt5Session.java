package cn.yichang.edge.uplink.session;

import java.time.Duration;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** MQTT 5 over Paho's asynchronous client (embedded in this bundle). */
final class Mqtt5Session implements MqttSession {

  private final SessionOptions options;
  private final MqttAsyncClient client;

  Mqtt5Session(SessionOptions options, SessionListener listener) throws SessionException {
    this.options = options;
    try {
      client =
          new MqttAsyncClient(options.serverUri(), options.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new SessionException(options.serverUri() + ": " + Errors.describe(e), e);
    }
    client.setCallback(new Callback(listener));
  }

  @Override
  public ServerLimits connect() throws SessionException {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    o.setSessionExpiryInterval(0L);
    o.setAutomaticReconnect(false);
    o.setKeepAliveInterval((int) options.keepAlive().toSeconds());
    o.setConnectionTimeout((int) options.connectTimeout().toSeconds());
    if (options.tls()) {
      o.setSocketFactory(options.socketFactory());
      o.setHttpsHostnameVerificationEnabled(true);
    }
    MqttMessage will = new MqttMessage(options.will().payload());
    will.setQos(options.will().qos());
    will.setRetained(false);
    o.setWill(options.will().topic(), will);
    try {
      IMqttToken token = client.connect(o);
      token.waitForCompletion(options.connectDeadline().toMillis());
      if (!token.isComplete()) {
        throw ConnectFailures.noConnack(options);
      }
      MqttProperties properties = token.getResponseProperties();
      return properties == null
          ? ServerLimits.NONE
          : ServerLimits.of(properties.getReceiveMaximum(), properties.getMaximumPacketSize());
    } catch (MqttException e) {
      throw new SessionException(Errors.describe(e), e);
    }
  }

  @Override
  public void publish(String topic, byte[] payload, int qos, DeliveryListener listener)
      throws SessionException {
    MqttMessage message = new MqttMessage(payload);
    message.setQos(qos);
    message.setRetained(false);
    try {
      client.publish(topic, message, null, new Outcome(listener));
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
      int[] codes = token.getReasonCodes();
      if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
        throw new SessionException(
            "the broker refused the subscription to "
                + topicFilter
                + ": "
                + Errors.reasonCode(codes[0]));
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

  /** Maps a publish token to the listener, reading the PUBACK's reason code. */
  private record Outcome(DeliveryListener listener) implements MqttActionListener {
    @Override
    public void onSuccess(IMqttToken token) {
      int[] codes = token.getReasonCodes();
      int code = codes == null || codes.length == 0 ? 0 : codes[0];
      if (code >= 0x80) {
        MqttProperties p = token.getResponseProperties();
        String text = p == null ? null : p.getReasonString();
        listener.refused(code, Errors.reasonCode(code) + (text == null ? "" : " " + text));
      } else {
        listener.delivered();
      }
    }

    @Override
    public void onFailure(IMqttToken token, Throwable e) {
      listener.lost(e == null ? "not delivered" : Errors.describe(e));
    }
  }

  private record Callback(SessionListener listener) implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse response) {
      String reason;
      if (response.getException() != null) {
        reason = Errors.describe(response.getException());
      } else {
        reason =
            "server sent DISCONNECT, "
                + Errors.reasonCode(response.getReturnCode())
                + (response.getReasonString() == null ? "" : " " + response.getReasonString());
      }
      listener.connectionLost(reason);
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      // reported through the failed operation's token
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      listener.messageArrived(topic, message.getPayload());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
      // handled by each publish's action listener
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      // connect() waits for its token
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
      // no enhanced authentication
    }
  }
}
