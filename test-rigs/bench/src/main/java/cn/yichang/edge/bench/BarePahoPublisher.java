package cn.yichang.edge.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocketFactory;

/**
 * The raw limit of the drain: Paho's asynchronous client on its own, with {@code
 * MemoryPersistence}, the gateway's TLS socket factory, a clean session and the same in-flight
 * window, publishing pre-encoded messages at QoS 1 as fast as the window lets it and counting
 * PUBACKs. No store, no encoding, no bookkeeping: what is left of the drain's time is Paho, TLS and
 * the broker.
 *
 * <p>The window is a semaphore taken before each publish and given back in the PUBACK's callback,
 * as the uplink's {@code InFlightWindow} does. Under MQTT 5 it is at most the broker's Receive
 * Maximum, as in the uplink.
 */
final class BarePahoPublisher {

  /**
   * One run.
   *
   * @param window the in-flight window used: the configured one, or the broker's Receive Maximum if
   *     lower
   * @param nanos from the first publish to the last PUBACK
   * @param tooManyInFlight publishes Paho refused with 32202 "too many publishes in progress" and
   *     that were retried
   * @param publisherCpuNanos CPU time of the publishing thread during the run
   * @param pahoCpuNanos CPU time of Paho's threads (sender, receiver, callback) during the run
   * @param brokerCpuNanos CPU time of the broker's process during the run
   */
  record Result(
      long acknowledged,
      long nanos,
      int window,
      long tooManyInFlight,
      long failed,
      long publisherCpuNanos,
      long pahoCpuNanos,
      long brokerCpuNanos) {

    double rate() {
      return acknowledged * 1e9 / nanos;
    }
  }

  /** One client of one protocol. */
  interface Client extends AutoCloseable {
    /** Connects; returns the broker's Receive Maximum (MQTT 5) or {@link Integer#MAX_VALUE}. */
    int connect() throws Exception;

    /**
     * Hands over one QoS 1 message; {@code done} runs on Paho's callback thread with true on
     * PUBACK.
     *
     * @return false when Paho refused it with "too many publishes in progress"
     */
    boolean publish(String topic, byte[] payload, Completion done) throws Exception;

    @Override
    void close();
  }

  @FunctionalInterface
  interface Completion {
    void completed(boolean acknowledged);
  }

  /** Name prefix of Paho's threads (MQTT Snd:, MQTT Rec:, MQTT Call:, ...). */
  static final String PAHO_THREADS = "MQTT";

  private BarePahoPublisher() {}

  static Client client(
      String protocol, String url, String clientId, SSLSocketFactory sockets, int window)
      throws Exception {
    return switch (protocol) {
      case "mqtt5" -> new Paho5Client(url, clientId, sockets);
      case "mqtt3" -> new Paho3Client(url, clientId, sockets, window);
      default -> throw new IllegalArgumentException("protocol " + protocol);
    };
  }

  /**
   * Connects, publishes {@code count} messages (topic and payload {@code i % size} of the lists)
   * and waits for every PUBACK, at most {@code timeout}.
   */
  static Result run(
      String protocol,
      String url,
      SSLSocketFactory sockets,
      int window,
      List<String> topics,
      List<byte[]> payloads,
      int count,
      Duration timeout,
      long brokerPid)
      throws Exception {
    try (Client client =
        client(
            protocol, url, "bench-bare-" + protocol + "-" + System.nanoTime(), sockets, window)) {
      int effective = Math.min(window, client.connect());
      Semaphore free = new Semaphore(effective);
      CountDownLatch all = new CountDownLatch(count);
      AtomicLong acknowledged = new AtomicLong();
      AtomicLong failed = new AtomicLong();
      AtomicLong lastAck = new AtomicLong();
      AtomicReference<Throwable> error = new AtomicReference<>();
      Completion done =
          ok -> {
            if (ok) {
              acknowledged.incrementAndGet();
            } else {
              failed.incrementAndGet();
            }
            lastAck.set(System.nanoTime());
            free.release();
            all.countDown();
          };
      long tooMany = 0;
      long deadline = System.nanoTime() + timeout.toNanos();
      long pahoBefore = ThreadCpu.snapshot(PAHO_THREADS).get(PAHO_THREADS);
      long cpuBefore = ThreadCpu.currentThreadNanos();
      long brokerBefore = ProcFiles.cpuNanos(brokerPid).orElse(0);
      long start = System.nanoTime();
      for (int i = 0; i < count && error.get() == null; i++) {
        if (!free.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
          break;
        }
        while (!client.publish(
            topics.get(i % topics.size()), payloads.get(i % payloads.size()), done)) {
          tooMany++;
          Thread.onSpinWait();
        }
      }
      all.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      long cpu = ThreadCpu.currentThreadNanos() - cpuBefore;
      long paho = ThreadCpu.snapshot(PAHO_THREADS).get(PAHO_THREADS) - pahoBefore;
      long broker = ProcFiles.cpuNanos(brokerPid).orElse(0) - brokerBefore;
      long end = lastAck.get() == 0 ? System.nanoTime() : lastAck.get();
      return new Result(
          acknowledged.get(), end - start, effective, tooMany, failed.get(), cpu, paho, broker);
    }
  }

  /** MQTT 5: the client takes its window from the broker's Receive Maximum. */
  private static final class Paho5Client implements Client {
    private final org.eclipse.paho.mqttv5.client.MqttAsyncClient client;
    private final SSLSocketFactory sockets;

    Paho5Client(String url, String clientId, SSLSocketFactory sockets) throws Exception {
      this.client =
          new org.eclipse.paho.mqttv5.client.MqttAsyncClient(
              url, clientId, new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
      this.sockets = sockets;
    }

    @Override
    public int connect() throws Exception {
      var o = new org.eclipse.paho.mqttv5.client.MqttConnectionOptions();
      o.setCleanStart(true);
      o.setSessionExpiryInterval(0L);
      o.setAutomaticReconnect(false);
      o.setSocketFactory(sockets);
      o.setHttpsHostnameVerificationEnabled(true);
      var token = client.connect(o);
      token.waitForCompletion(30_000);
      var properties = token.getResponseProperties();
      Integer receiveMaximum = properties == null ? null : properties.getReceiveMaximum();
      return receiveMaximum == null || receiveMaximum <= 0 ? Integer.MAX_VALUE : receiveMaximum;
    }

    @Override
    public boolean publish(String topic, byte[] payload, Completion done) throws Exception {
      var message = new org.eclipse.paho.mqttv5.common.MqttMessage(payload);
      message.setQos(1);
      try {
        client.publish(
            topic,
            message,
            null,
            new org.eclipse.paho.mqttv5.client.MqttActionListener() {
              @Override
              public void onSuccess(org.eclipse.paho.mqttv5.client.IMqttToken token) {
                int[] codes = token.getReasonCodes();
                done.completed(codes == null || codes.length == 0 || codes[0] < 0x80);
              }

              @Override
              public void onFailure(
                  org.eclipse.paho.mqttv5.client.IMqttToken token, Throwable exception) {
                done.completed(false);
              }
            });
        return true;
      } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
        if (e.getReasonCode()
            == org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT) {
          return false;
        }
        throw e;
      }
    }

    @Override
    public void close() {
      try {
        client.disconnect().waitForCompletion(5_000);
      } catch (Exception e) {
        // closing anyway
      }
      try {
        client.close(true);
      } catch (Exception e) {
        // nothing more to release
      }
    }
  }

  /** MQTT 3.1.1: the window is the client's own max in-flight setting. */
  private static final class Paho3Client implements Client {
    private final org.eclipse.paho.client.mqttv3.MqttAsyncClient client;
    private final SSLSocketFactory sockets;
    private final int window;

    Paho3Client(String url, String clientId, SSLSocketFactory sockets, int window)
        throws Exception {
      this.client =
          new org.eclipse.paho.client.mqttv3.MqttAsyncClient(
              url, clientId, new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
      this.sockets = sockets;
      this.window = window;
    }

    @Override
    public int connect() throws Exception {
      var o = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
      o.setMqttVersion(org.eclipse.paho.client.mqttv3.MqttConnectOptions.MQTT_VERSION_3_1_1);
      o.setCleanSession(true);
      o.setAutomaticReconnect(false);
      o.setMaxInflight(window);
      o.setSocketFactory(sockets);
      o.setHttpsHostnameVerificationEnabled(true);
      client.connect(o).waitForCompletion(30_000);
      return Integer.MAX_VALUE;
    }

    @Override
    public boolean publish(String topic, byte[] payload, Completion done) throws Exception {
      try {
        client.publish(
            topic,
            payload,
            1,
            false,
            null,
            new org.eclipse.paho.client.mqttv3.IMqttActionListener() {
              @Override
              public void onSuccess(org.eclipse.paho.client.mqttv3.IMqttToken token) {
                done.completed(true);
              }

              @Override
              public void onFailure(
                  org.eclipse.paho.client.mqttv3.IMqttToken token, Throwable exception) {
                done.completed(false);
              }
            });
        return true;
      } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
        if (e.getReasonCode()
            == org.eclipse.paho.client.mqttv3.MqttException.REASON_CODE_MAX_INFLIGHT) {
          return false;
        }
        throw e;
      }
    }

    @Override
    public void close() {
      try {
        client.disconnect().waitForCompletion(5_000);
      } catch (Exception e) {
        // closing anyway
      }
      try {
        client.close(true);
      } catch (Exception e) {
        // nothing more to release
      }
    }
  }
}
