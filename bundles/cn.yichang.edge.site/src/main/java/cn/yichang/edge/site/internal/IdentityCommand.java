package cn.yichang.edge.site.internal;

import cn.yichang.edge.profile.Problem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code provision identity --id ID --account ACCT --config SITE [--profiles DIR]}: sets the
 * gateway's id and account in the site file, in place (comments and layout kept). The edited file
 * is checked by the site reader first and written only if valid, atomically, mode 0600. Runs on a
 * plain class path like {@link ValidateCommand}. Exit 0 when written, 2 when refused.
 */
public final class IdentityCommand {

  static final int DONE = 0;
  static final int REFUSED = 2;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final String USAGE =
      "usage: provision identity --id ID --account ACCOUNT --config SITE.yaml";

  private IdentityCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String id = null;
    String account = null;
    String config = null;
    String profiles = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length) {
        err.println("provision identity: unexpected argument: " + a);
        err.println(USAGE);
        return REFUSED;
      }
      switch (a) {
        case "--id" -> id = args[++i];
        case "--account" -> account = args[++i];
        case "--config" -> config = args[++i];
        case "--profiles" -> profiles = args[++i];
        default -> {
          err.println("provision identity: unexpected argument: " + a);
          err.println(USAGE);
          return REFUSED;
        }
      }
    }
    if (id == null || account == null || config == null) {
      err.println(USAGE);
      return REFUSED;
    }
    for (String[] v : new String[][] {{"--id", id}, {"--account", account}}) {
      if (!ID.matcher(v[1]).matches()) {
        err.println(
            "provision identity: "
                + v[0]
                + " '"
                + v[1]
                + "': use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        return REFUSED;
      }
    }
    Path file = Path.of(config).toAbsolutePath();
    try {
      String before = Files.readString(file, StandardCharsets.UTF_8);
      String after;
      try {
        after = GatewayIdentityEdit.apply(before, id, account);
      } catch (IllegalArgumentException e) {
        err.println(file + ": gateway: " + e.getMessage());
        return REFUSED;
      }
      // Checked under its own name in the same directory, so that relative paths resolve alike.
      Path candidate = Files.createTempFile(file.getParent(), ".site-", ".yaml");
      try {
        Files.setPosixFilePermissions(candidate, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(candidate, after, StandardCharsets.UTF_8);
        Path dist = profiles == null ? null : Path.of(profiles);
        // Refused only for what the edit broke: a site file that names certificates not yet
        // imported is invalid before and after, and setting the identity comes first.
        Set<String> existing = keys(SiteReader.read(file, dist));
        SiteReport report = SiteReader.read(candidate, dist);
        List<Problem> added =
            report.errors().stream().filter(p -> !existing.contains(key(p))).toList();
        if (!added.isEmpty()) {
          err.println(file + ": not changed: the edited site file would be invalid:");
          for (Problem p : added) {
            err.println(new Problem(file, p.line(), p.field(), p.message()));
          }
          return REFUSED;
        }
        for (Problem p : report.errors()) {
          err.println(
              "warning: still to fix: " + new Problem(file, p.line(), p.field(), p.message()));
        }
        Files.move(
            candidate, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(candidate);
      }
    } catch (IOException e) {
      err.println(file + ": cannot edit the site file: " + e);
      return REFUSED;
    }
    out.println(file + ": gateway id " + id + ", account " + account + " (mode 0600)");
    return DONE;
  }

  private static Set<String> keys(SiteReport report) {
    return report.errors().stream().map(IdentityCommand::key).collect(Collectors.toSet());
  }

  private static String key(Problem p) {
    return p.field() + ": " + p.message();
  }
}
