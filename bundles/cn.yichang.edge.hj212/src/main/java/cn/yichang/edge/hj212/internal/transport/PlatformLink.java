package cn.yichang.edge.hj212.internal.transport;

import cn.yichang.edge.hj212.FrameReader;
import cn.yichang.edge.hj212.Frames;
import cn.yichang.edge.hj212.MalformedPacketException;
import cn.yichang.edge.hj212.Packet;
import cn.yichang.edge.hj212.internal.requests.PlatformRequests;
import cn.yichang.edge.store.MessageStore;
import cn.yichang.edge.store.StoredMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one TCP connection to an HJ 212 platform: it sends the destination's queue in order and
 * answers what the platform asks on the same connection. With Flag A an upload leaves the queue
 * only on the platform's CN 9014 for its QN; without an acknowledgement within OverTime it is sent
 * again, ReCount times, then the connection is given up and the upload stays first in the queue for
 * the next one. A dead platform holds back only its own queue.
 */
public final class PlatformLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PlatformLink.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Settings the platform may change while the link runs. */
  public interface Settings {
    String password();

    boolean ack();

    int timeoutS();

    int retries();
  }

  private final String name;
  private final InetSocketAddress address;
  private final MessageStore queue;
  private final PlatformRequests requests;
  private final Settings settings;
  private final Backoff backoff;
  private final AckWaiter acks = new AckWaiter();
  private final Thread sender;
  private final ExecutorService answers;
  private volatile boolean closed;
  private volatile Socket socket;
  private volatile long sent;

  public PlatformLink(
      String name,
      InetSocketAddress address,
      MessageStore queue,
      PlatformRequests requests,
      Settings settings,
      Duration reconnectMin,
      Duration reconnectMax) {
    this.name = name;
    this.address = address;
    this.queue = queue;
    this.requests = requests;
    this.settings = settings;
    this.backoff = new Backoff(reconnectMin, reconnectMax);
    this.answers =
        Executors.newSingleThreadExecutor(r -> daemon(r, "edge-hj212-" + name + "-requests"));
    this.sender = daemon(this::run, "edge-hj212-" + name);
    sender.start();
  }

  /**
   * Uploads the platform has received (acknowledged, or written when no acknowledgement is asked).
   */
  public long sent() {
    return sent;
  }

  private void run() {
    while (!closed) {
      try (Socket s = new Socket()) {
        // resolved at each attempt: a platform's address may change while the gateway runs
        s.connect(
            new InetSocketAddress(address.getHostString(), address.getPort()),
            (int) CONNECT_TIMEOUT.toMillis());
        s.setTcpNoDelay(true);
        socket = s;
        LOG.info("HJ 212 {}: connected to {}:{}", name, address.getHostString(), address.getPort());
        backoff.reset();
        acks.clear();
        Thread reader = daemon(() -> read(s), "edge-hj212-" + name + "-reader");
        reader.start();
        send(s.getOutputStream());
      } catch (IOException e) {
        if (!closed) {
          LOG.warn(
              "HJ 212 {}: {} ({}); its uploads wait in the buffer", name, address, e.getMessage());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        socket = null;
        queue.rewind();
      }
      if (!closed) {
        try {
          Thread.sleep(
              backoff.next().toMillis()); // the wait between attempts, not a synchronisation
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private void send(OutputStream out) throws IOException, InterruptedException {
    while (!closed) {
      boolean ack = settings.ack();
      List<StoredMessage> batch = queue.take(ack ? 1 : 50, Duration.ofSeconds(1));
      if (socket == null || socket.isClosed()) {
        throw new IOException("the connection closed");
      }
      for (StoredMessage m : batch) {
        List<Packet> parts = packets(m, ack);
        if (parts == null) {
          continue;
        }
        for (Packet part : parts) {
          if (!deliver(out, part, ack)) {
            throw new IOException(
                "no acknowledgement of "
                    + part.cn()
                    + " QN "
                    + part.qn()
                    + " after "
                    + (settings.retries() + 1)
                    + " sends; reconnecting");
          }
        }
        queue.acknowledge(m.id());
        sent++;
      }
    }
  }

  /**
   * The message as it goes now: with the current PW and Flag, split if too long; null when
   * unreadable.
   */
  private List<Packet> packets(StoredMessage m, boolean ack) {
    try {
      Packet p = Packet.parse(new String(m.payload(), StandardCharsets.US_ASCII));
      Packet now =
          new Packet(
              p.qn(),
              p.st(),
              p.cn(),
              settings.password(),
              p.mn(),
              Packet.FLAG_2017 | (ack ? Packet.FLAG_ACK : 0),
              0,
              0,
              p.cp());
      return Frames.split(now);
    } catch (MalformedPacketException | IllegalArgumentException e) {
      queue.setAside(m.id(), "not an HJ 212 packet: " + e.getMessage());
      LOG.error("HJ 212 {}: queued message {} set aside: {}", name, m.id(), e.getMessage());
      return null;
    }
  }

  private boolean deliver(OutputStream out, Packet part, boolean ack)
      throws IOException, InterruptedException {
    for (int attempt = 0; attempt <= settings.retries(); attempt++) {
      write(out, part);
      if (!ack || acks.await(part.qn(), settings.timeoutS() * 1000L)) {
        return true;
      }
      LOG.info(
          "HJ 212 {}: no acknowledgement of QN {} within {} s",
          name,
          part.qn(),
          settings.timeoutS());
    }
    return false;
  }

  private void write(OutputStream out, Packet p) throws IOException {
    byte[] frame = Frames.frame(p);
    synchronized (out) {
      out.write(frame);
      out.flush();
    }
  }

  private void read(Socket s) {
    try {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      FrameReader frames =
          new FrameReader(
              new FrameReader.Listener() {
                @Override
                public void frame(String data) {
                  received(data, out);
                }

                @Override
                public void refused(String reason) {
                  LOG.warn("HJ 212 {}: from {} refused: {}", name, address, reason);
                }
              });
      byte[] buffer = new byte[4096];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        frames.feed(buffer, 0, n);
      }
    } catch (IOException e) {
      // the sender sees the closed socket
    } finally {
      try {
        s.close();
      } catch (IOException e) {
        // closing
      }
    }
  }

  private void received(String data, OutputStream out) {
    Packet p;
    try {
      p = Packet.parse(data);
    } catch (MalformedPacketException e) {
      LOG.warn(
          "HJ 212 {}: a packet from the platform refused ({}): {}", name, e.getMessage(), data);
      return;
    }
    if (p.cn().equals("9014") || p.cn().equals("9013")) {
      if (p.qn() != null) {
        acks.acknowledged(p.qn());
      }
      return;
    }
    answers.execute(
        () -> {
          try {
            for (Packet reply : requests.answer(p)) {
              for (Packet part : Frames.split(reply)) {
                write(out, part);
              }
            }
          } catch (IOException | RuntimeException e) {
            LOG.warn("HJ 212 {}: answering CN {} failed: {}", name, p.cn(), e.toString());
          }
        });
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    Socket s = socket;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // closing
      }
    }
    sender.interrupt();
    sender.join(5000);
    answers.shutdownNow();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
