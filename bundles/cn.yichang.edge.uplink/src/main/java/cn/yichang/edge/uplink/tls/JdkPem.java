package cn.yichang.edge.uplink.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The common PEM files read with the JDK alone: certificates, and unencrypted keys in PKCS#8,
 * PKCS#1 ({@code RSA PRIVATE KEY}) and SEC1 ({@code EC PRIVATE KEY}) layouts. BouncyCastle's PEM
 * parser loads ~150 classes and OID tables that stay in a gateway's metaspace and heap for good
 * (measured: metaspace 20.9 -> 20.2 MiB without it, test-rigs/bench/README.md); it is left for what
 * only it reads: encrypted keys and anything this class declines. Every method answers empty rather
 * than fail, so that the caller falls back to BouncyCastle and its error messages.
 */
final class JdkPem {

  private static final List<String> KEY_ALGORITHMS =
      List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

  /** AlgorithmIdentifier of rsaEncryption: OID 1.2.840.113549.1.1.1 with NULL parameters. */
  private static final byte[] RSA_ALGORITHM =
      der(0x30, concat(hex("06092a864886f70d010101"), hex("0500")));

  /** OID 1.2.840.10045.2.1 (id-ecPublicKey). */
  private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");

  private static final byte[] VERSION_0 = hex("020100");

  /** One {@code -----BEGIN label-----} block. */
  record Block(String label, boolean hasHeaders, byte[] der) {}

  private JdkPem() {}

  /** The certificates of the file, in order; empty when it holds none or one the JDK rejects. */
  static Optional<List<X509Certificate>> certificates(byte[] file) {
    Optional<List<Block>> blocks = blocks(file);
    if (blocks.isEmpty()) {
      return Optional.empty();
    }
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Block b : blocks.get()) {
        if (b.label().equals("CERTIFICATE") && !b.hasHeaders()) {
          out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.der())));
        } else if (b.label().contains("CERTIFICATE")) {
          return Optional.empty(); // X509 or TRUSTED CERTIFICATE, headers, ...: not to be skipped
        }
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  /** The file's first private key; empty when it is encrypted, in another layout, or unreadable. */
  static Optional<PrivateKey> privateKey(byte[] file) {
    Optional<List<Block>> blocks = blocks(file);
    if (blocks.isEmpty()) {
      return Optional.empty();
    }
    for (Block b : blocks.get()) {
      if (!b.label().endsWith("PRIVATE KEY")) {
        continue; // e.g. the EC PARAMETERS block of "openssl ecparam -genkey"
      }
      if (b.hasHeaders()) {
        return Optional.empty(); // OpenSSL's legacy encryption (Proc-Type, DEK-Info)
      }
      try {
        return switch (b.label()) {
          case "PRIVATE KEY" -> pkcs8(b.der());
          case "RSA PRIVATE KEY" ->
              pkcs8(der(0x30, concat(VERSION_0, RSA_ALGORITHM, der(0x04, b.der()))));
          case "EC PRIVATE KEY" -> sec1(b.der());
          default -> Optional.empty(); // ENCRYPTED PRIVATE KEY and others
        };
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<PrivateKey> pkcs8(byte[] der) {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return Optional.of(KeyFactory.getInstance(algorithm).generatePrivate(spec));
      } catch (GeneralSecurityException | RuntimeException e) {
        // not this algorithm's key: try the next
      }
    }
    return Optional.empty();
  }

  /** SEC1 ECPrivateKey: the curve is in its [0] parameters; PKCS#8 wants it beside the OID. */
  private static Optional<PrivateKey> sec1(byte[] der) {
    Der outer = new Der(der, 0);
    if (outer.tag != 0x30) {
      return Optional.empty();
    }
    for (int at = outer.contentStart; at < outer.end; ) {
      Der element = new Der(der, at);
      if (element.tag == 0xa0) {
        byte[] curve = Arrays.copyOfRange(der, element.contentStart, element.end);
        byte[] algorithm = der(0x30, concat(EC_PUBLIC_KEY_OID, curve));
        return pkcs8(der(0x30, concat(VERSION_0, algorithm, der(0x04, der))));
      }
      at = element.end;
    }
    return Optional.empty(); // no named curve in the key itself
  }

  /** The PEM blocks of the file; empty when any block is not well formed. */
  static Optional<List<Block>> blocks(byte[] file) {
    String text = new String(file, StandardCharsets.ISO_8859_1);
    List<Block> out = new ArrayList<>();
    String label = null;
    boolean headers = false;
    StringBuilder body = new StringBuilder();
    for (String raw : text.split("\r?\n")) {
      String line = raw.strip();
      if (label == null) {
        if (line.startsWith("-----BEGIN ") && line.endsWith("-----")) {
          label = line.substring(11, line.length() - 5);
          headers = false;
          body.setLength(0);
        }
      } else if (line.equals("-----END " + label + "-----")) {
        try {
          out.add(new Block(label, headers, Base64.getDecoder().decode(body.toString())));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
        label = null;
      } else if (line.startsWith("-----")) {
        return Optional.empty(); // a block without its END line
      } else if (line.contains(":")) {
        headers = true;
      } else {
        body.append(line);
      }
    }
    return label == null && !out.isEmpty() ? Optional.of(out) : Optional.empty();
  }

  /** A DER element's tag and bounds; lengths up to 4 bytes long. */
  private static final class Der {
    final int tag;
    final int contentStart;
    final int end;

    Der(byte[] der, int at) {
      tag = der[at] & 0xff;
      int first = der[at + 1] & 0xff;
      int length;
      int start;
      if (first < 0x80) {
        length = first;
        start = at + 2;
      } else {
        int n = first & 0x7f;
        if (n < 1 || n > 4) {
          throw new IllegalArgumentException("DER length of " + n + " bytes");
        }
        length = 0;
        for (int i = 0; i < n; i++) {
          length = (length << 8) | (der[at + 2 + i] & 0xff);
        }
        start = at + 2 + n;
      }
      if (length < 0 || start + length > der.length) {
        throw new IllegalArgumentException("DER element runs past the end");
      }
      contentStart = start;
      end = start + length;
    }
  }

  private static byte[] der(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else if (n < 0x10000) {
      out.write(0x82);
      out.write(n >> 8);
      out.write(n);
    } else {
      out.write(0x83);
      out.write(n >> 16);
      out.write(n >> 8);
      out.write(n);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] hex(String hex) {
    return java.util.HexFormat.of().parseHex(hex);
  }
}
