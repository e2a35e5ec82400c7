/**
 * One MQTT session over Eclipse Paho, MQTT 5 or 3.1.1 ({@link PahoSessionFactory}, {@link
 * MqttSession}), its options and failures, and a connect failure explained for an installer ({@link
 * ConnectExplanation}). Used by the uplink and by {@code check-uplink} outside the gateway.
 */
@Version("1.0.0")
@Export
package cn.yichang.edge.uplink.session;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
