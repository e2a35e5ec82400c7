package cn.yichang.edge.hj212.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An environment platform for tests, on 127.0.0.1, written from the standard and not from the
 * gateway's codec: frames are found with a regular expression, their CRC computed here, their
 * fields split by hand. It records every packet, acknowledges uploads that ask for it (unless told
 * to ignore some), and sends requests of its own.
 */
public final class TestPlatform implements AutoCloseable {
  private static final Pattern FRAME = Pattern.compile("##(\\d{4})(.*?)([0-9A-F]{4})\r\n");

  /** One packet as the platform read it. */
  public record Received(
      String qn, String st, String cn, String pw, String mn, int flag, String cp) {
    /** The CP's fields, {@code w01001-Rtd} → {@code 7.2}. */
    public Map<String, String> fields() {
      Map<String, String> f = new LinkedHashMap<>();
      for (String group : cp.split(";")) {
        for (String field : group.split(",")) {
          int eq = field.indexOf('=');
          if (eq > 0) {
            f.put(field.substring(0, eq), field.substring(eq + 1));
          }
        }
      }
      return f;
    }
  }

  private final int port;
  private final List<Received> received = new ArrayList<>();
  private final List<String> badFrames = new ArrayList<>();
  private volatile Predicate<Received> ignore = r -> false;
  private ServerSocket server;
  private volatile Socket connection;
  private Thread acceptor;

  private TestPlatform(int port) {
    this.port = port;
  }

  public static TestPlatform start() throws IOException {
    TestPlatform p = new TestPlatform(0);
    p.listen(0);
    return p;
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Uploads this predicate matches are not acknowledged (the first time they come). */
  public void ignore(Predicate<Received> which) {
    this.ignore = which;
  }

  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  public synchronized List<String> badFrames() {
    return List.copyOf(badFrames);
  }

  /** Goes down: the connection and the listening socket closed. */
  public void stop() throws IOException, InterruptedException {
    server.close();
    Socket c = connection;
    if (c != null) {
      c.close();
    }
    acceptor.join(5000);
  }

  /** Comes back on the same port. */
  public void restart() throws IOException {
    listen(port());
  }

  /** Sends a request: {@code QN=...;ST=32;CN=...;PW=...;MN=...;Flag=5;CP=&&...&&}. */
  public void send(String data) throws IOException {
    Socket c = connection;
    if (c == null) {
      throw new IOException("no station connected");
    }
    byte[] d = data.getBytes(StandardCharsets.US_ASCII);
    String frame = String.format("##%04d%s%04X\r\n", d.length, data, crc(d));
    synchronized (this) {
      OutputStream out = c.getOutputStream();
      out.write(frame.getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
  }

  public boolean connected() {
    return connection != null && !connection.isClosed();
  }

  /** Waits for a packet the predicate matches, polling until the deadline. */
  public Received await(Predicate<Received> which, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      synchronized (this) {
        for (Received r : received) {
          if (which.test(r)) {
            return r;
          }
        }
        wait(50);
      }
    }
    throw new AssertionError("not received within " + within + "; received: " + received());
  }

  private void listen(int at) throws IOException {
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), at));
    acceptor = new Thread(this::accept, "test-platform");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void accept() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        connection = s;
        read(s);
      } catch (IOException e) {
        // down, or the station went
      } finally {
        connection = null;
      }
    }
  }

  private void read(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[4096];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      text.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
      Matcher m = FRAME.matcher(text);
      int end = 0;
      while (m.find()) {
        end = m.end();
        frame(m.group(1), m.group(2), m.group(3));
      }
      text.delete(0, end);
    }
  }

  private void frame(String length, String data, String crc) throws IOException {
    byte[] d = data.getBytes(StandardCharsets.US_ASCII);
    if (Integer.parseInt(length) != d.length || Integer.parseInt(crc, 16) != crc(d)) {
      synchronized (this) {
        badFrames.add(length + data + crc);
      }
      return;
    }
    Map<String, String> head = new LinkedHashMap<>();
    int cp = data.indexOf("CP=&&");
    for (String f : data.substring(0, cp).split(";")) {
      head.put(f.substring(0, f.indexOf('=')), f.substring(f.indexOf('=') + 1));
    }
    Received r =
        new Received(
            head.get("QN"),
            head.get("ST"),
            head.get("CN"),
            head.get("PW"),
            head.get("MN"),
            Integer.parseInt(head.getOrDefault("Flag", "0")),
            data.substring(cp + 5, data.length() - 2));
    boolean ignored;
    synchronized (this) {
      ignored = ignore.test(r) && received.stream().noneMatch(x -> x.qn().equals(r.qn()));
      received.add(r);
      notifyAll();
    }
    if ((r.flag() & 1) == 1 && !ignored && r.cn().startsWith("20")) {
      send("QN=" + r.qn() + ";ST=91;CN=9014;PW=" + r.pw() + ";MN=" + r.mn() + ";Flag=4;CP=&&&&");
    }
  }

  /** The standard's CRC, written here from its appendix A. */
  static int crc(byte[] data) {
    int reg = 0xFFFF;
    for (byte b : data) {
      reg = (reg >> 8) ^ (b & 0xFF);
      for (int i = 0; i < 8; i++) {
        boolean lsb = (reg & 1) != 0;
        reg >>= 1;
        if (lsb) {
          reg ^= 0xA001;
        }
      }
    }
    return reg;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    stop();
  }
}
