package cn.yichang.edge.sim.broker;

import java.nio.file.Path;

/**
 * A certificate and its private key, as two PEM files.
 *
 * @param cert the certificate (PEM)
 * @param key its private key (PKCS#8 PEM unless the name says otherwise), mode 0600
 */
public record Credentials(Path cert, Path key) {}
