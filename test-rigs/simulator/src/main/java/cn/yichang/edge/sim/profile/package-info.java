/**
 * Simulated devices serving any device profile with values that move plausibly: {@link
 * cn.yichang.edge.sim.profile.ProfileUnit} (one device, advanced in simulated time) and {@link
 * cn.yichang.edge.sim.profile.ValueTicker} (advances units in real time, with a speed factor).
 */
package cn.yichang.edge.sim.profile;
