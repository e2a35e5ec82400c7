/**
 * TLS for the platform connections: the gateway's identity and the CA it trusts read from PEM or
 * PKCS#12 files ({@link TlsFiles}, {@link IdentityFiles}), checked as the gateway checks them
 * (permissions, validity, key against certificate), a socket factory that verifies the broker's
 * host name ({@link TlsContextFactory}), and what a failed handshake means ({@link
 * HandshakeFailures}). Used by the uplink and by the tools outside the gateway ({@code provision},
 * {@code check-uplink}); its classes that are not public stay this package's own.
 */
@Version("1.0.0")
@Export
package cn.yichang.edge.uplink.tls;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
