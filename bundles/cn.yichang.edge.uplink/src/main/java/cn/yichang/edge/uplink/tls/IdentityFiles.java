package cn.yichang.edge.uplink.tls;

import cn.yichang.edge.uplink.tls.TlsProblem.Role;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * The uplink's own reading and checking of TLS files, for {@code bin/sanxia-edge provision} (which
 * runs on a plain class path with this bundle's jar): the same parsers and the same messages as at
 * uplink start, so that a file accepted on import is a file the uplink accepts.
 */
public final class IdentityFiles {

  private IdentityFiles() {}

  /** A private key and its certificate chain, leaf first. */
  public record Identity(PrivateKey key, List<X509Certificate> chain) {
    public Identity {
      chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
      return chain.get(0);
    }
  }

  /** Every certificate of a PEM file, in file order; at least one. */
  public static List<X509Certificate> certificates(Role role, Path file) throws TlsProblem {
    return PemFiles.certificates(role, file);
  }

  /** The first private key of a PEM file, in any layout OpenSSL writes. */
  public static PrivateKey privateKey(Path file, char[] password) throws TlsProblem {
    return PemFiles.privateKey(file, password);
  }

  /** The key and chain of a PKCS#12 file. */
  public static Identity pkcs12(Path file, char[] password) throws TlsProblem {
    ClientIdentity identity = Pkcs12Files.identity(file, password);
    return new Identity(identity.key(), identity.chain());
  }

  /** Throws, naming {@code keyFile}, unless the key belongs to the chain's first certificate. */
  public static void keyMatchesCertificate(
      Role keyRole, Path keyFile, Path certificateFile, Identity identity) throws TlsProblem {
    IdentityChecks.keyMatchesCertificate(
        keyRole, keyFile, certificateFile, new ClientIdentity(identity.key(), identity.chain()));
  }

  /** Throws, naming {@code file}, if the certificate is expired or not yet valid at {@code now}. */
  public static void currentlyValid(Role role, Path file, X509Certificate certificate, Instant now)
      throws TlsProblem {
    IdentityChecks.currentlyValid(role, file, certificate, now);
  }
}
