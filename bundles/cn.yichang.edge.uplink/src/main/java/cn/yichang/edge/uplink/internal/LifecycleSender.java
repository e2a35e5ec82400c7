package cn.yichang.edge.uplink.internal;

import cn.yichang.edge.uplink.session.DeliveryListener;
import cn.yichang.edge.uplink.session.MqttSession;
import cn.yichang.edge.uplink.session.SessionException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the lifecycle messages directly, not through the store: a BIRTH at QoS 1 on every new
 * connection before any buffered data, and a DC at QoS 0 before a clean disconnect.
 */
final class LifecycleSender {
  private static final Logger LOG = LoggerFactory.getLogger(LifecycleSender.class);

  private final Lifecycle lifecycle;
  private final Duration deadline;
  private final UplinkCounters counters;
  private final ThrottledLog birthTooLarge = new ThrottledLog(LOG, Duration.ofHours(1));

  LifecycleSender(Lifecycle lifecycle, Duration deadline, UplinkCounters counters) {
    this.lifecycle = lifecycle;
    this.deadline = deadline;
    this.counters = counters;
  }

  /** The will to register at connect, made afresh for each connection. */
  Lifecycle.Message will() {
    return lifecycle.will();
  }

  /**
   * Publishes BIRTH, cut down to the packet limit, and waits for its PUBACK. A refusal is reported
   * and tolerated (data matters more than the announcement), and so is a limit too small for even a
   * cut-down BIRTH; no answer means the connection is not usable.
   *
   * @return whether the broker acknowledged BIRTH: only such a connection can prove itself
   */
  boolean birth(MqttSession session, PacketLimit limit)
      throws SessionException, InterruptedException {
    Optional<Lifecycle.Message> fitted = lifecycle.birth(limit);
    if (fitted.isEmpty()) {
      counters.onError("BIRTH not sent: the broker's limit of " + limit + " a packet is too small");
      birthTooLarge.warn(
          "BIRTH not sent: even its essential metrics are more than the broker's limit of "
              + limit
              + " a packet; data is sent without it");
      return false;
    }
    Lifecycle.Message birth = fitted.get();
    Outcome outcome = new Outcome();
    session.publish(birth.topic(), birth.payload(), 1, outcome);
    String failure = outcome.await(deadline, "BIRTH");
    if (failure != null) {
      counters.onError("BIRTH on " + birth.topic() + " refused: " + failure);
      LOG.warn("Broker refused BIRTH on {}: {}", birth.topic(), failure);
    }
    return failure == null;
  }

  /**
   * Lets outstanding acknowledgements arrive for up to {@code quiesce}, publishes DC at QoS 0 and
   * disconnects. Best effort and bounded: the gateway is going down or being reconfigured.
   */
  void disconnect(MqttSession session, InFlightWindow window, Duration quiesce) {
    try {
      window.awaitEmpty(quiesce);
      Lifecycle.Message dc = lifecycle.disconnect();
      Outcome outcome = new Outcome();
      session.publish(dc.topic(), dc.payload(), 0, outcome);
      outcome.await(quiesce, "DC");
    } catch (SessionException e) {
      LOG.info("DC not sent: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    session.disconnect(quiesce);
  }

  /** Completes with {@code null} when delivered, a reason when refused, fails when lost. */
  private static final class Outcome implements DeliveryListener {
    private final CompletableFuture<String> result = new CompletableFuture<>();

    @Override
    public void delivered() {
      result.complete(null);
    }

    @Override
    public void refused(int reasonCode, String reason) {
      result.complete(reason);
    }

    @Override
    public void lost(String reason) {
      result.completeExceptionally(new SessionException(reason));
    }

    String await(Duration deadline, String what) throws SessionException, InterruptedException {
      try {
        return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw new SessionException(
            "no acknowledgement of " + what + " within " + deadline.toMillis() + " ms");
      } catch (ExecutionException e) {
        throw new SessionException(what + " not delivered: " + e.getCause().getMessage());
      }
    }
  }
}
