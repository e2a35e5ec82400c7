package cn.yichang.edge.remote.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Limits of request handling, PID {@code cn.yichang.edge.remote}: written (empty, the defaults
 * serve) by the site provisioner when the site has an uplink; remote management runs only then.
 */
@ObjectClassDefinition(
    name = "Remote management",
    description = "Requests from the platform over Kura's request/response protocol")
public @interface RemoteConfig {

  String PID = "cn.yichang.edge.remote";

  @AttributeDefinition(
      min = "1024",
      description = "Largest request accepted, in bytes, compressed or not; larger ones get 400")
  int max_request_bytes() default 1024 * 1024;

  @AttributeDefinition(min = "1", description = "Time an app has to answer, in seconds")
  int request_timeout_s() default 120;

  @AttributeDefinition(min = "1", max = "16", description = "Requests served at once")
  int workers() default 2;

  @AttributeDefinition(min = "0", max = "256", description = "Requests waiting for a worker")
  int queue() default 16;
}
