/**
 * Simulated ascii-line and framed devices on a pty: an NMEA receiver that streams sentences with
 * their checksums, devices that answer a poll with a line or a frame. Encoded by the simulator's
 * own code from the profile, never by the gateway's parsers, so that end-to-end tests check them.
 */
package cn.yichang.edge.sim.serial;
