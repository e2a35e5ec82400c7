package cn.yichang.edge.uplink.tls;

import cn.yichang.edge.uplink.tls.TlsProblem.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * Checks made at startup that would otherwise surface only as a refused handshake, with the broker
 * holding the only useful log line.
 */
final class IdentityChecks {

  private static final byte[] CHALLENGE =
      "sanxia-edge: does this key belong to this certificate?".getBytes(StandardCharsets.US_ASCII);

  private IdentityChecks() {}

  /**
   * Throws unless the private key belongs to the certificate's public key. A signature made with
   * the key and verified with the certificate compares the two key halves for any algorithm.
   */
  static void keyMatchesCertificate(
      Role keyRole, Path keyFile, Path certificateFile, ClientIdentity identity) throws TlsProblem {
    PublicKey publicKey = identity.certificate().getPublicKey();
    String keyAlgorithm = identity.key().getAlgorithm();
    if (!keyAlgorithm.equals(publicKey.getAlgorithm())) {
      throw new TlsProblem(
          keyRole,
          keyFile,
          "holds a "
              + keyAlgorithm
              + " key but the certificate in "
              + certificateFile
              + " has a "
              + publicKey.getAlgorithm()
              + " public key: the key does not belong to the certificate");
    }
    String algorithm = signatureAlgorithm(keyAlgorithm);
    if (algorithm == null) {
      return; // unusual algorithm: the handshake will tell
    }
    boolean matches;
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(identity.key());
      signer.update(CHALLENGE);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(CHALLENGE);
      matches = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      matches = false;
    }
    if (!matches) {
      throw new TlsProblem(
          keyRole,
          keyFile,
          "does not match the certificate in "
              + certificateFile
              + " ("
              + identity.certificate().getSubjectX500Principal().getName()
              + "): the key belongs to another certificate");
    }
  }

  /** Throws if the gateway's certificate is expired or not yet valid at {@code now}. */
  static void currentlyValid(Role role, Path file, X509Certificate certificate, Instant now)
      throws TlsProblem {
    Instant notBefore = certificate.getNotBefore().toInstant();
    Instant notAfter = certificate.getNotAfter().toInstant();
    String subject = certificate.getSubjectX500Principal().getName();
    String period = "valid from " + notBefore + " until " + notAfter + ", now is " + now;
    if (now.isAfter(notAfter)) {
      throw new TlsProblem(
          role, file, "certificate " + subject + " expired on " + notAfter + " (" + period + ")");
    }
    if (now.isBefore(notBefore)) {
      // On a gateway without a battery-backed clock this is usually the clock, not the certificate.
      throw new TlsProblem(
          role,
          file,
          "certificate "
              + subject
              + " is not yet valid, valid only from "
              + notBefore
              + " ("
              + period
              + "; is the gateway's clock set?)");
    }
  }

  private static String signatureAlgorithm(String keyAlgorithm) {
    return switch (keyAlgorithm) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "DSA" -> "SHA256withDSA";
      case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
      default -> null;
    };
  }
}
