package cn.yichang.edge.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code status [all|status|buses|readings|store|uplink|poll DEVICE]}: asks the running gateway
 * through the Unix socket {@code status.sock} of its state directory (cn.yichang.edge.runtime's
 * StatusSocket) and prints the answer. Exit 0, 3 when no gateway answers, 64 on a usage error.
 */
public final class StatusCommand {

  static final int OK = 0;
  static final int NO_GATEWAY = 3;
  static final int USAGE = 64;
  private static final String USAGE_TEXT =
      "usage: status [--state DIR] [all|status|buses|readings|store|uplink|poll DEVICE]";

  private StatusCommand() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    Path state = null;
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--state") && i + 1 < args.size()) {
        state = Path.of(args.get(++i));
      } else if (args.get(i).startsWith("-")) {
        err.println("status: unknown argument: " + args.get(i));
        err.println(USAGE_TEXT);
        return USAGE;
      } else {
        words.add(args.get(i));
      }
    }
    if (state == null) {
      err.println(USAGE_TEXT);
      return USAGE;
    }
    String request = words.isEmpty() ? "all" : String.join(" ", words);
    Path socket = state.resolve("status.sock");
    if (!Files.exists(socket)) {
      out.println(
          "status: no gateway running with state directory "
              + state
              + " (no "
              + socket.getFileName()
              + "; SANXIA_STATE_DIR or --state selects another)");
      return NO_GATEWAY;
    }
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      ByteBuffer line = ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8));
      while (line.hasRemaining()) {
        channel.write(line);
      }
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      ByteBuffer buffer = ByteBuffer.allocate(8192);
      while (channel.read(buffer) >= 0) {
        reply.write(buffer.array(), 0, buffer.position());
        buffer.clear();
      }
      out.print(reply.toString(StandardCharsets.UTF_8));
      out.flush();
      return OK;
    } catch (AccessDeniedException e) {
      out.println("status: " + socket + ": permission denied (run as the gateway's user or root)");
      return NO_GATEWAY;
    } catch (SocketException e) {
      out.println(
          "status: "
              + socket
              + ": "
              + e.getMessage()
              + (e.getMessage() != null && e.getMessage().contains("denied")
                  ? " (run as the gateway's user or root)"
                  : " (the gateway that made it is not running)"));
      return NO_GATEWAY;
    } catch (IOException e) {
      out.println("status: " + socket + ": " + e);
      return NO_GATEWAY;
    }
  }
}
