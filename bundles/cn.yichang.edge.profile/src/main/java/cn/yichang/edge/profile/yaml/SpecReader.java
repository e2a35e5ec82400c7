package cn.yichang.edge.profile.yaml;

import cn.yichang.edge.profile.ProtocolSpec;
import cn.yichang.edge.profile.WordOrder;
import java.util.Optional;

/**
 * Reads the protocol-specific keys of a profile (everything but id, manufacturer, model,
 * description, protocol, word-order, max-gap and turnaround). It must ask for every key it knows
 * before the caller finishes the mapping, and returns empty after reporting its problems to {@code
 * profile}.
 */
@FunctionalInterface
interface SpecReader {
  Optional<ProtocolSpec> read(MappingReader profile, WordOrder profileOrder, PollutantCodes codes);
}
