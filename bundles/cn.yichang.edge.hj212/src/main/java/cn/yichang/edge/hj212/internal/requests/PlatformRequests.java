package cn.yichang.edge.hj212.internal.requests;

import cn.yichang.edge.hj212.CpFields;
import cn.yichang.edge.hj212.Packet;
import cn.yichang.edge.hj212.Qn;
import cn.yichang.edge.hj212.internal.aggregate.Aggregator;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's answers to the platform's requests, as the standard's appendix C sequences them:
 * the request reply (CN 9011 {@code QnRtn}), the data (a parameter, or history records each with a
 * QN of its own), then the execution result (CN 9012 {@code ExeRtn}). A request with a wrong MN or
 * PW, or without a QN, is answered by its refusal alone and changes nothing; a value out of the
 * standard's range is accepted as a request and fails with "conditions wrong".
 */
public final class PlatformRequests {
  private static final Logger LOG = LoggerFactory.getLogger(PlatformRequests.class);

  private final StationControl station;

  public PlatformRequests(StationControl station) {
    this.station = station;
  }

  /** The packets to send back, in order; empty for what needs no answer. */
  public List<Packet> answer(Packet request) {
    String mn = station.mn();
    String pw = station.password();
    List<Packet> out = new ArrayList<>();
    if (request.qn() == null) {
      out.add(Replies.qnRtn(request.withQn(station.nextQn()), pw, mn, Replies.QN_WRONG));
      return out;
    }
    if (!request.mn().equals(mn)) {
      out.add(Replies.qnRtn(request, pw, mn, Replies.MN_WRONG));
      return out;
    }
    if (!request.pw().equals(pw)) {
      out.add(Replies.qnRtn(request, pw, mn, Replies.PW_WRONG));
      return out;
    }
    if (!known(request.cn())) {
      LOG.warn(
          "Request CN {} refused: the gateway does not serve it (QN {})",
          request.cn(),
          request.qn());
      out.add(Replies.qnRtn(request, pw, mn, Replies.REFUSED));
      return out;
    }
    out.add(Replies.qnRtn(request, pw, mn, Replies.READY));
    int result;
    try {
      result = execute(request, out);
    } catch (BadRequest e) {
      LOG.warn(
          "Request CN {} (QN {}) not executed: {}", request.cn(), request.qn(), e.getMessage());
      result = Replies.CONDITIONS_WRONG;
    } catch (Exception e) {
      LOG.error("Request CN {} (QN {}) failed", request.cn(), request.qn(), e);
      result = Replies.SYSTEM_FAULT;
    }
    // a 1072's replies still carry the password the request came with
    out.add(Replies.exeRtn(request, pw, mn, result));
    return out;
  }

  private static boolean known(String cn) {
    return List.of(
            "1000", "1011", "1012", "1061", "1062", "1063", "1064", "1072", "2051", "2061", "2031")
        .contains(cn);
  }

  private int execute(Packet r, List<Packet> out) throws Exception {
    CpFields cp = r.cp();
    String pw = station.password();
    switch (r.cn()) {
      case "1011" -> {
        CpFields.Builder reply = CpFields.builder();
        cp.get("PolId").ifPresent(id -> reply.field("PolId", id));
        reply.field("SystemTime", Qn.TIME.format(station.time()));
        out.add(Replies.data(r, pw, station.mn(), reply.build()));
      }
      case "1012" -> station.setTime(time(cp, "SystemTime"));
      case "1061" -> out.add(data(r, "RtdInterval", station.realtimeInterval()));
      case "1062" -> station.setRealtimeInterval(number(cp, "RtdInterval", 30, 3600));
      case "1063" -> out.add(data(r, "MinInterval", station.minuteInterval()));
      case "1064" -> {
        int minutes = number(cp, "MinInterval", 1, 30);
        if (!Aggregator.allowedMinutes(minutes)) {
          throw new BadRequest(
              "MinInterval=" + minutes + ": 1, 2, 3, 4, 5, 6, 10, 12, 15, 20 or 30");
        }
        station.setMinuteInterval(minutes);
      }
      case "1072" -> {
        String next = field(cp, "NewPW");
        if (!next.matches("[0-9A-Za-z]{1,6}")) {
          throw new BadRequest("NewPW is 1 to 6 letters or digits");
        }
        station.setPassword(next);
      }
      case "1000" ->
          station.setTimeout(number(cp, "OverTime", 1, 99), number(cp, "ReCount", 1, 99));
      default -> {
        return history(r, out);
      }
    }
    return Replies.SUCCESS;
  }

  /** CN 2051, 2061, 2031 with BeginTime and EndTime: every archived record between, both in. */
  private int history(Packet r, List<Packet> out) throws Exception {
    LocalDateTime begin = time(r.cp(), "BeginTime");
    LocalDateTime end = time(r.cp(), "EndTime");
    if (end.isBefore(begin)) {
      throw new BadRequest("EndTime is before BeginTime");
    }
    List<String> records = station.history(r.cn(), begin, end);
    for (String record : records) {
      out.add(
          new Packet(
              station.nextQn(),
              stationSt(r),
              r.cn(),
              station.password(),
              station.mn(),
              Packet.FLAG_2017,
              0,
              0,
              CpFields.parse(record)));
    }
    return records.isEmpty() ? Replies.NO_DATA : Replies.SUCCESS;
  }

  /**
   * The request's ST, unless it is the platform's own (91): then the station's data keep theirs.
   */
  private static String stationSt(Packet r) {
    return r.st();
  }

  private Packet data(Packet r, String key, int value) {
    return Replies.data(
        r,
        station.password(),
        station.mn(),
        CpFields.builder().field(key, String.valueOf(value)).build());
  }

  private static String field(CpFields cp, String key) throws BadRequest {
    Optional<String> v = cp.get(key);
    if (v.isEmpty() || v.get().isEmpty()) {
      throw new BadRequest("no " + key);
    }
    return v.get();
  }

  private static int number(CpFields cp, String key, int min, int max) throws BadRequest {
    String v = field(cp, key);
    if (!v.matches("[0-9]{1,5}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
      throw new BadRequest(key + "=" + v + " is not " + min + ".." + max);
    }
    return Integer.parseInt(v);
  }

  private static LocalDateTime time(CpFields cp, String key) throws BadRequest {
    String v = field(cp, key);
    try {
      return LocalDateTime.parse(v, Qn.TIME);
    } catch (DateTimeParseException e) {
      throw new BadRequest(key + "=" + v + " is not yyyyMMddHHmmss");
    }
  }

  /** A request the station understood but whose values are wrong. */
  private static final class BadRequest extends Exception {
    BadRequest(String message) {
      super(message);
    }
  }
}
