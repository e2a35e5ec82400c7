package cn.yichang.edge.site;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Changes to the gateway's configurations made from afar, as site-file edits: a change is written
 * into a copy of the site file (the overlay, in the state directory), validated exactly as the site
 * file is, and only then provisioned, so that only the configurations that differ are updated and
 * only their components restart. The overlay is what the gateway starts from next time, until the
 * installer's site file changes (then the installer's file wins, with a warning).
 *
 * <p>Configurations are named as in ConfigAdmin: {@code cn.yichang.edge.store}, {@code
 * cn.yichang.edge.bus~rs485-1}, {@code cn.yichang.edge.modbus.device~soil-01}; properties with
 * their ConfigAdmin keys and types.
 */
@ProviderType
public interface RemoteSite {

  /** The configurations a remote change may touch, with their current properties. */
  Map<String, Map<String, Object>> configurations();

  /**
   * Takes a snapshot of the current state, then applies the changed properties (those given; others
   * keep their values).
   *
   * @return the id of the snapshot taken before the change
   * @throws SiteChangeException when the change is refused; nothing changed then
   */
  long change(Map<String, Map<String, Object>> propertiesByPid) throws SiteChangeException;

  /** The snapshot ids, oldest first. */
  List<Long> snapshots();

  /**
   * The configurations of a snapshot.
   *
   * @throws SiteChangeException (not found) for an unknown id
   */
  Map<String, Map<String, Object>> snapshot(long id) throws SiteChangeException;

  /** Takes a snapshot of the current state and returns its id. */
  long takeSnapshot() throws SiteChangeException;

  /**
   * Goes back to a snapshot (a snapshot of the current state is taken first).
   *
   * @param id the snapshot; {@code null} for the latest one
   */
  void rollback(Long id) throws SiteChangeException;
}
