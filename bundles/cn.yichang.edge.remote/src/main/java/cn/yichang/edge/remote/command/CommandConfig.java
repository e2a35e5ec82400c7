package cn.yichang.edge.remote.command;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * CMD-V1, from the site file's {@code remote:} section. Without this configuration (no {@code
 * commands} listed) there is no CMD-V1: requests to it are answered 404.
 */
@ObjectClassDefinition(
    name = "Remote commands (CMD-V1)",
    description = "Programs the platform may run on the gateway, without a shell")
public @interface CommandConfig {

  String PID = "cn.yichang.edge.remote.command";

  @AttributeDefinition(
      description = "Programs that may run, exactly as sent in command.command (name or path)")
  String[] allow();

  @AttributeDefinition(
      min = "1000",
      description = "Longest run, in ms; command.timeout can only shorten it")
  long timeout_ms() default 60_000;

  @AttributeDefinition(min = "1024", description = "Bytes kept of stdout and of stderr, each")
  int output_bytes() default 65_536;
}
