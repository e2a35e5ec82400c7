package cn.yichang.edge.tools;

import cn.yichang.edge.site.UplinkSummary;
import cn.yichang.edge.uplink.tls.IdentityFiles;
import cn.yichang.edge.uplink.tls.IdentityFiles.Identity;
import cn.yichang.edge.uplink.tls.TlsProblem;
import cn.yichang.edge.uplink.tls.TlsProblem.Role;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * {@code bin/sanxia-edge provision key|cert|p12|check}: the gateway's TLS identity made on the
 * gateway and the uplink checked step by step. Runs on a plain class path: this jar, the uplink's
 * (its TLS file readers and checks, so that what is imported is what the uplink accepts), the site
 * bundle's, snakeyaml, Paho and BouncyCastle. ({@code provision identity} is the site bundle's
 * {@code IdentityCommand}.)
 *
 * <p>Exit 0 when done (all steps OK for check), 1 when refused or a step failed, 64 on usage.
 */
public final class ProvisionCommand {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 64;

  static final String KEY_FILE = "gateway.key";
  static final String CSR_FILE = "gateway.csr";
  static final String CERT_FILE = "gateway.pem";
  static final String P12_FILE = "gateway.p12";
  static final String DEFAULT_DIR = "/etc/sanxia-edge/certs";
  static final String DEFAULT_SITE = "/etc/sanxia-edge/site.yaml";

  private static final String USAGE_TEXT =
      String.join(
          "\n",
          "usage: provision identity --id ID --account ACCOUNT [--config SITE]",
          "       provision key [--dir DIR] [--id ID | --config SITE] [--force]",
          "       provision cert --cert FILE [--ca FILE] [--dir DIR]",
          "       provision p12 --file FILE --password-file FILE [--ca FILE] [--dir DIR]",
          "       provision check [--config SITE]");

  private final PrintStream out;
  private final PrintStream err;
  private final Path distributionProfiles;

  ProvisionCommand(PrintStream out, PrintStream err, Path distributionProfiles) {
    this.out = out;
    this.err = err;
    this.distributionProfiles = distributionProfiles;
  }

  public static void main(String[] args) {
    List<String> rest = new ArrayList<>(List.of(args));
    Path profiles = null;
    if (rest.size() >= 2 && rest.get(0).equals("--default-profiles")) {
      profiles = Path.of(rest.get(1));
      rest = rest.subList(2, rest.size());
    }
    System.exit(new ProvisionCommand(System.out, System.err, profiles).run(rest));
  }

  int run(List<String> args) {
    if (args.isEmpty()) {
      err.println(USAGE_TEXT);
      return USAGE;
    }
    String command = args.get(0);
    Map<String, String> options = new HashMap<>();
    boolean force = false;
    for (int i = 1; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--force")) {
        force = true;
      } else if (a.startsWith("--") && a.contains("=")) {
        options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
      } else if (a.startsWith("--") && i + 1 < args.size()) {
        options.put(a.substring(2), args.get(++i));
      } else {
        err.println("provision " + command + ": unexpected argument: " + a);
        err.println(USAGE_TEXT);
        return USAGE;
      }
    }
    Path dir = Path.of(options.getOrDefault("dir", DEFAULT_DIR));
    try {
      return switch (command) {
        case "key" -> key(dir, options.get("id"), options.get("config"), force);
        case "cert" -> cert(dir, required(options, "cert"), options.get("ca"));
        case "p12" ->
            p12(
                dir,
                required(options, "file"),
                required(options, "password-file"),
                options.get("ca"));
        case "check" ->
            new UplinkCheck(out)
                .run(
                    UplinkSummary.read(
                        Path.of(options.getOrDefault("config", DEFAULT_SITE)),
                        distributionProfiles));
        default -> {
          err.println("provision: unknown command: " + command);
          err.println(USAGE_TEXT);
          yield USAGE;
        }
      };
    } catch (UsageProblem e) {
      err.println("provision " + command + ": " + e.getMessage());
      err.println(USAGE_TEXT);
      return USAGE;
    } catch (TlsProblem e) {
      err.println("provision " + command + ": refused: " + e.getMessage());
      return FAILED;
    } catch (IOException e) {
      err.println("provision " + command + ": " + e.getMessage());
      return FAILED;
    }
  }

  private static String required(Map<String, String> options, String name) throws UsageProblem {
    String value = options.get(name);
    if (value == null) {
      throw new UsageProblem("--" + name + " is required");
    }
    return value;
  }

  /** A new EC P-256 key (never printed) and a certificate request with CN = the gateway id. */
  int key(Path dir, String id, String config, boolean force) throws IOException {
    if (id == null) {
      Path site = Path.of(config == null ? DEFAULT_SITE : config);
      if (!Files.isRegularFile(site)) {
        err.println(
            "provision key: no --id and no site file " + site + " to take the gateway id from");
        return FAILED;
      }
      id = UplinkSummary.gatewayId(site);
      if (id == null) {
        err.println(
            site + ": gateway.id: missing; set it first with provision identity, or give --id");
        return FAILED;
      }
    }
    Path keyFile = dir.resolve(KEY_FILE);
    if (Files.exists(keyFile) && !force) {
      err.println(
          keyFile
              + ": exists; a new key makes its certificate useless. Give --force to replace it");
      return FAILED;
    }
    Files.createDirectories(dir);
    KeyPair keys;
    PKCS10CertificationRequest request;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      keys = generator.generateKeyPair();
      request =
          new JcaPKCS10CertificationRequestBuilder(
                  new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, id).build(),
                  keys.getPublic())
              .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("cannot make an EC P-256 key: " + e, e);
    }
    writePrivate(keyFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
    Path csrFile = dir.resolve(CSR_FILE);
    writeAtomically(csrFile, pem("CERTIFICATE REQUEST", request.getEncoded()), "rw-r--r--");
    out.println("key:     " + keyFile + " (EC P-256, PKCS#8, mode 0600)");
    out.println("request: " + csrFile + " (CN=" + id + ")");
    out.println(
        "Send the request to the city CA, then import the certificate it returns with: provision"
            + " cert --cert FILE");
    return OK;
  }

  /** Imports the CA-signed certificate for the key that {@code key} made. */
  int cert(Path dir, String certArg, String caArg) throws IOException, TlsProblem {
    Path certFile = Path.of(certArg);
    Path keyFile = dir.resolve(KEY_FILE);
    if (!Files.exists(keyFile)) {
      err.println(
          "provision cert: no key in "
              + dir
              + ": make it with provision key first (--dir "
              + dir
              + ")");
      return FAILED;
    }
    List<X509Certificate> chain = IdentityFiles.certificates(Role.CERTIFICATE, certFile);
    PrivateKey key = IdentityFiles.privateKey(keyFile, null);
    Identity identity = new Identity(key, chain);
    IdentityFiles.keyMatchesCertificate(Role.KEY, keyFile, certFile, identity);
    checkCertificate(Role.CERTIFICATE, certFile, identity, caArg);
    Path target = dir.resolve(CERT_FILE);
    if (!Files.isSameFile(dir, certFile.toAbsolutePath().getParent())
        || !certFile.getFileName().toString().equals(CERT_FILE)) {
      writeAtomically(target, Files.readString(certFile, StandardCharsets.ISO_8859_1), "rw-r--r--");
    }
    show(identity.certificate());
    out.println("installed: " + target + " (key " + keyFile + ")");
    return OK;
  }

  /** Imports a PKCS#12 bundle made by the platform: key and certificate in one file. */
  int p12(Path dir, String fileArg, String passwordFileArg, String caArg)
      throws IOException, TlsProblem {
    Path file = Path.of(fileArg);
    char[] password =
        Files.readString(Path.of(passwordFileArg), StandardCharsets.UTF_8).strip().toCharArray();
    Identity identity = IdentityFiles.pkcs12(file, password);
    IdentityFiles.keyMatchesCertificate(Role.PKCS12, file, file, identity);
    checkCertificate(Role.PKCS12, file, identity, caArg);
    Files.createDirectories(dir);
    Path target = dir.resolve(P12_FILE);
    Path tmp = Files.createTempFile(dir, ".import-", ".p12");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      Files.write(tmp, Files.readAllBytes(file));
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    show(identity.certificate());
    out.println("installed: " + target + " (mode 0600)");
    return OK;
  }

  /** Validity now, and the signature of the CA ({@code --ca}, else DIR/ca.pem when present). */
  private void checkCertificate(Role role, Path file, Identity identity, String caArg)
      throws TlsProblem {
    X509Certificate certificate = identity.certificate();
    IdentityFiles.currentlyValid(role, file, certificate, Instant.now());
    if (caArg == null) {
      out.println("note: no --ca given: the CA's signature is not checked");
      return;
    }
    Path caFile = Path.of(caArg);
    List<X509Certificate> authorities = IdentityFiles.certificates(Role.CA, caFile);
    // The leaf, or the last intermediate of a chain, must be signed by one of the CA's
    // certificates.
    X509Certificate top = identity.chain().get(identity.chain().size() - 1);
    for (int i = 0; i + 1 < identity.chain().size(); i++) {
      if (!signedBy(identity.chain().get(i), identity.chain().get(i + 1))) {
        throw new TlsProblem(role, file, "its certificate chain is broken at certificate " + i);
      }
    }
    for (X509Certificate ca : authorities) {
      if (signedBy(top, ca) || top.equals(ca)) {
        try {
          ca.checkValidity();
        } catch (GeneralSecurityException e) {
          throw new TlsProblem(
              Role.CA, caFile, "CA certificate is not valid now: " + e.getMessage());
        }
        return;
      }
    }
    throw new TlsProblem(
        role,
        file,
        "certificate "
            + certificate.getSubjectX500Principal().getName()
            + " (issuer "
            + top.getIssuerX500Principal().getName()
            + ") is not signed by the CA in "
            + caFile);
  }

  private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
    if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
      return false;
    }
    try {
      certificate.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private void show(X509Certificate certificate) {
    out.println("subject: " + certificate.getSubjectX500Principal().getName());
    out.println("issuer:  " + certificate.getIssuerX500Principal().getName());
    out.println("expires: " + certificate.getNotAfter().toInstant());
  }

  private static String pem(String type, byte[] der) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(new PemObject(type, der));
    }
    return text.toString();
  }

  /** Created 0600 before a byte is written, so that the key is never readable by others. */
  private static void writePrivate(Path file, String text) throws IOException {
    writeAtomically(file, text, "rw-------");
  }

  private static void writeAtomically(Path file, String text, String permissions)
      throws IOException {
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".provision-", ".tmp");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(permissions));
      Files.writeString(tmp, text, StandardCharsets.ISO_8859_1);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static final class UsageProblem extends IOException {
    private static final long serialVersionUID = 1L;

    UsageProblem(String message) {
      super(message);
    }
  }
}
