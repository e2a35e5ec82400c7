package cn.yichang.edge.uplink;

import java.time.Instant;

/**
 * What the uplink has done since it started.
 *
 * @param server the broker's URI
 * @param protocol {@code mqtt5} or {@code mqtt3}: with {@code auto}, the one found ({@code auto}
 *     until the first connection)
 * @param connectedSince {@code null} while disconnected
 * @param published messages handed to the MQTT client (QoS 1, buffered telemetry only)
 * @param acknowledged messages the broker acknowledged, whose rows were acknowledged to the store
 * @param failed publishes that ended without a successful acknowledgement: refused by the broker
 *     (MQTT 5 reason code 0x80 or above) or lost with the connection; their rows are sent again
 * @param reconnects connections made after the first one
 * @param inFlight messages published and not yet acknowledged
 * @param lastError {@code null} when nothing has gone wrong
 * @param lastErrorAt {@code null} when nothing has gone wrong
 * @param buffered messages the store holds now
 * @param evicted messages the store dropped to stay under its size limit
 * @param split messages cut into parts because they were larger than the broker accepts
 * @param setAside messages the store set aside since it started: too large and not divisible, or
 *     refused by the broker for a reason a retry does not change
 */
public record UplinkStatus(
    String server,
    String protocol,
    Instant connectedSince,
    long published,
    long acknowledged,
    long failed,
    long reconnects,
    int inFlight,
    String lastError,
    Instant lastErrorAt,
    long buffered,
    long evicted,
    long split,
    long setAside) {

  public boolean connected() {
    return connectedSince != null;
  }
}
