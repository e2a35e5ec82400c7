package cn.yichang.edge.store.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Store-and-forward buffer",
    description = "The SQLite database every outbound message is written to before it is sent")
public @interface StoreConfig {

  /** The configuration's PID. */
  String PID = "cn.yichang.edge.store";

  @AttributeDefinition(description = "Database file; its directory is created when missing")
  String path();

  @AttributeDefinition(
      description =
          "Size limit of the database in MB: above it the oldest telemetry is evicted first,"
              + " alarms last",
      min = "1")
  int max_mb() default 64;

  @AttributeDefinition(
      description = "Longest time a message waits in memory before its group is committed, in ms",
      min = "1",
      max = "60000")
  int commit_interval_ms() default 250;

  @AttributeDefinition(description = "Most messages committed in one transaction", min = "1")
  int commit_max_messages() default 500;

  @AttributeDefinition(
      description =
          "Most messages waiting in memory for their commit; beyond it messages are counted as"
              + " lost",
      min = "1")
  int queue_max_messages() default 20000;

  @AttributeDefinition(
      description = "Most payload bytes waiting in memory for their commit, in KB",
      min = "1")
  int queue_max_kb() default 8192;

  @AttributeDefinition(
      description =
          "The destinations that get a queue of their own in the file (uplink, the Kura platform,"
              + " always has one): each with its own read position, numbering, eviction and"
              + " counters")
  String[] destinations() default {"uplink"};
}
