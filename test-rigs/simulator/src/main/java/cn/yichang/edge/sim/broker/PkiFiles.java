package cn.yichang.edge.sim.broker;

import java.nio.file.Path;

/**
 * Every file {@link TestPki#generate} writes. Keys are PKCS#8 PEM with mode 0600 unless the name
 * says otherwise; certificates are PEM.
 *
 * @param dir the directory holding them all
 * @param gatewayId the common name of the gateway's certificates
 * @param caCert the test CA, which signed everything below except the foreign gateway's certificate
 * @param caKey the CA's key, for {@link TestPki#issueClient}
 * @param server the broker's certificate, SANs {@code DNS:localhost} and {@code IP:127.0.0.1}
 * @param gateway the gateway's RSA certificate (CN = gatewayId)
 * @param gatewayKeyPkcs1 the same RSA key as {@code BEGIN RSA PRIVATE KEY}
 * @param ecGateway a second gateway certificate (CN = gatewayId) with an EC P-256 key
 * @param ecGatewayKeySec1 the same EC key as {@code BEGIN EC PRIVATE KEY}
 * @param subscriber a client certificate for test clients (CN = "test-subscriber")
 * @param otherCaCert another CA, that the broker does not trust
 * @param foreignGateway a gateway certificate (CN = gatewayId) signed by the other CA
 * @param expiredGateway a gateway certificate (CN = gatewayId) that expired a day ago
 */
public record PkiFiles(
    Path dir,
    String gatewayId,
    Path caCert,
    Path caKey,
    Credentials server,
    Credentials gateway,
    Path gatewayKeyPkcs1,
    Credentials ecGateway,
    Path ecGatewayKeySec1,
    Credentials subscriber,
    Path otherCaCert,
    Credentials foreignGateway,
    Credentials expiredGateway) {}
