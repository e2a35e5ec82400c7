package cn.yichang.edge.uplink.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the uplink's TLS material lives, as the site file gives it: the CA bundle that must have
 * signed the broker's certificate, and the gateway's own identity either as a PEM certificate chain
 * with its private key or as one PKCS#12 file.
 *
 * @param ca PEM file with one or more CA certificates trusted for the broker's certificate
 * @param cert PEM file with the gateway's certificate, then any intermediates; null with {@code
 *     p12}
 * @param key PEM private key of {@code cert} (PKCS#8, encrypted PKCS#8, PKCS#1 or SEC1); null with
 *     {@code p12}
 * @param p12 PKCS#12 file holding the key and its chain; null with {@code cert}/{@code key}
 * @param password password of an encrypted key or of the PKCS#12 file; may be null otherwise
 * @param allowLoosePermissions accept a key or PKCS#12 file that group or others may read
 */
public record TlsFiles(
    Path ca, Path cert, Path key, Path p12, char[] password, boolean allowLoosePermissions) {

  public TlsFiles {
    Objects.requireNonNull(ca, "ca");
    boolean pem = cert != null || key != null;
    if (pem && p12 != null) {
      throw new IllegalArgumentException("give either cert and key, or p12, not both");
    }
    if (!pem && p12 == null) {
      throw new IllegalArgumentException("give either cert and key, or p12");
    }
    if (pem && (cert == null || key == null)) {
      throw new IllegalArgumentException(
          "cert and key go together: " + (cert == null ? "cert" : "key") + " is missing");
    }
  }

  /** The gateway's identity from a PEM certificate chain and its private key. */
  public static TlsFiles pem(
      Path ca, Path cert, Path key, char[] password, boolean allowLoosePermissions) {
    return new TlsFiles(ca, cert, key, null, password, allowLoosePermissions);
  }

  /** The gateway's identity from a PKCS#12 file. */
  public static TlsFiles pkcs12(Path ca, Path p12, char[] password, boolean allowLoosePermissions) {
    return new TlsFiles(ca, null, null, p12, password, allowLoosePermissions);
  }

  /** True if the identity comes from a PKCS#12 file rather than PEM files. */
  public boolean usesPkcs12() {
    return p12 != null;
  }

  /** The file holding the private key: {@code key} or {@code p12}. */
  public Path keyFile() {
    return usesPkcs12() ? p12 : key;
  }

  // Written out so that the password never reaches a log line.
  @Override
  public String toString() {
    return "TlsFiles[ca="
        + ca
        + (usesPkcs12() ? ", p12=" + p12 : ", cert=" + cert + ", key=" + key)
        + ", password="
        + (password == null ? "none" : "***")
        + ", allowLoosePermissions="
        + allowLoosePermissions
        + "]";
  }
}
