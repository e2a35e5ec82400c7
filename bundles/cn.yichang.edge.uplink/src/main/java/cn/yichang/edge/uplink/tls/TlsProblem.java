package cn.yichang.edge.uplink.tls;

import java.nio.file.Path;

/**
 * The TLS material cannot be used. The message names the file, its role and what is wrong with it
 * ("key file /etc/edge/gateway.key: does not exist"), so that it can go to the startup log as it
 * is.
 */
public final class TlsProblem extends Exception {

  private static final long serialVersionUID = 1L;

  /** What a file is for, as the message names it. */
  public enum Role {
    CA("CA file"),
    CERTIFICATE("certificate file"),
    KEY("key file"),
    PKCS12("PKCS#12 file");

    private final String label;

    Role(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private final Role role;
  private final transient Path file;

  public TlsProblem(Role role, Path file, String problem) {
    this(role, file, problem, null);
  }

  public TlsProblem(Role role, Path file, String problem, Throwable cause) {
    super(role + " " + file + ": " + problem, cause);
    this.role = role;
    this.file = file;
  }

  /** The role of the file at fault. */
  public Role role() {
    return role;
  }

  /** The file at fault. */
  public Path file() {
    return file;
  }
}
