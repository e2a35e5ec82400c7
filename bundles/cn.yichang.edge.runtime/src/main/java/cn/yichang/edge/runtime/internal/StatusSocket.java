package cn.yichang.edge.runtime.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's {@code edge:} commands for {@code bin/sanxia-edge status}, so that a technician
 * never attaches a console: a Unix domain socket {@code status.sock} in the state directory, mode
 * 0600 (only the gateway's user, and root, can connect; nothing is reachable over the network).
 *
 * <p>A client sends one line, {@code status}, {@code buses}, {@code readings}, {@code store},
 * {@code uplink} (or another {@code edge:} command with plain word arguments), receives the
 * command's output and the connection is closed. {@code all} is {@code status} followed by buses,
 * store and uplink. Anything else is refused: the socket runs {@code edge:} commands only, never
 * Gogo's own ({@code stop}, {@code exec}, ...).
 */
@Component(
    immediate = true,
    service = {})
public final class StatusSocket {

  static final String SOCKET_NAME = "status.sock";
  private static final Logger LOG = LoggerFactory.getLogger("cn.yichang.edge.status");
  private static final Pattern REQUEST = Pattern.compile("[a-z]+( [A-Za-z0-9_.:/-]+)*");
  private static final List<String> ALL = List.of("status", "buses", "store", "uplink");
  private static final long REQUEST_TIMEOUT_MILLIS = 2_000;

  private final CommandProcessor processor;
  private final Path socket;
  private final ServerSocketChannel server;
  private final Thread thread;

  @Activate
  public StatusSocket(BundleContext context, @Reference CommandProcessor processor) {
    this.processor = processor;
    this.socket = stateDir(context).resolve(SOCKET_NAME);
    ServerSocketChannel bound = null;
    try {
      bound = bind(socket);
    } catch (IOException | RuntimeException e) {
      // Acquisition does not depend on it: say why `status` will not answer, and go on.
      LOG.warn("status: no status socket at {}: {}", socket, e.toString());
    }
    this.server = bound;
    this.thread = new Thread(this::serve, "status-socket");
    thread.setDaemon(true);
    if (server != null) {
      thread.start();
      LOG.info("status: {} (bin/sanxia-edge status)", socket);
    }
  }

  private static ServerSocketChannel bind(Path socket) throws IOException {
    Files.createDirectories(socket.getParent());
    // A socket left by a gateway that was killed: nobody is behind it.
    Files.deleteIfExists(socket);
    ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.bind(UnixDomainSocketAddress.of(socket));
      Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  static Path stateDir(BundleContext context) {
    String property = context.getProperty("sanxia.state");
    return property == null || property.isBlank()
        ? Path.of(System.getProperty("user.home"), ".sanxia-edge")
        : Path.of(property);
  }

  @Deactivate
  void deactivate() throws IOException, InterruptedException {
    if (server == null) {
      return;
    }
    server.close();
    thread.join(2_000);
    Files.deleteIfExists(socket);
  }

  private void serve() {
    while (server.isOpen()) {
      try (SocketChannel client = server.accept()) {
        answer(client);
      } catch (IOException e) {
        if (server.isOpen()) {
          LOG.warn("status: {}", e.toString());
        }
      } catch (RuntimeException e) {
        LOG.warn("status: a request failed", e);
      }
    }
  }

  private void answer(SocketChannel client) throws IOException {
    String request = readLine(client);
    String reply;
    if (request == null) {
      reply = "no request within " + REQUEST_TIMEOUT_MILLIS + " ms\n";
    } else if (!REQUEST.matcher(request).matches()) {
      reply = "refused: " + request + "\n";
    } else if (request.equals("all")) {
      StringBuilder all = new StringBuilder();
      for (String command : ALL) {
        String text = run(command);
        if (text.contains("Command not found")) {
          // the store's and the uplink's commands exist only when the site file configures them
          text = "not configured\n";
        }
        all.append("== ").append(command).append(" ==\n").append(text);
      }
      reply = all.toString();
    } else {
      reply = run(request);
    }
    client.configureBlocking(true);
    ByteBuffer out = ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8));
    while (out.hasRemaining()) {
      client.write(out);
    }
  }

  /** One {@code edge:} command in a fresh session, its result and anything it printed. */
  String run(String request) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(printed, true, StandardCharsets.UTF_8);
    try (CommandSession session =
        processor.createSession(InputStream.nullInputStream(), print, print)) {
      Object result = session.execute("edge:" + request);
      print.flush();
      String text = printed.toString(StandardCharsets.UTF_8);
      if (result != null) {
        text += String.valueOf(result);
      }
      return text.endsWith("\n") || text.isEmpty() ? text : text + "\n";
    } catch (Exception e) {
      return "edge:" + request + ": " + e.getMessage() + "\n";
    }
  }

  /** The request line, read without blocking the server for more than a moment. */
  private static String readLine(SocketChannel client) throws IOException {
    client.configureBlocking(false);
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(256);
    long deadline = System.currentTimeMillis() + REQUEST_TIMEOUT_MILLIS;
    try (Selector selector = Selector.open()) {
      client.register(selector, SelectionKey.OP_READ);
      while (line.size() < 1024) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0 || selector.select(left) == 0 && System.currentTimeMillis() >= deadline) {
          return null;
        }
        selector.selectedKeys().clear();
        buffer.clear();
        int n = client.read(buffer);
        if (n < 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          byte b = buffer.get(i);
          if (b == '\n') {
            return line.toString(StandardCharsets.UTF_8).strip();
          }
          line.write(b);
        }
      }
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8).strip();
  }
}
