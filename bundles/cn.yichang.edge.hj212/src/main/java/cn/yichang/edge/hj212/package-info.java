/**
 * HJ 212-2017, the transmission standard of China's environmental monitoring platforms, as the
 * station side speaks it: packets ({@link Packet}: {@code ##}, length, data segment, CRC, CRLF),
 * their command parameters ({@link CpFields}), HJ 212's CRC ({@link Crc}), a packet split over 1024
 * bytes of data ({@link Frames}) and a reader that takes packets out of a byte stream from the
 * platform whatever else it carries ({@link FrameReader}).
 */
@Version("1.0.0")
@Export
package cn.yichang.edge.hj212;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
