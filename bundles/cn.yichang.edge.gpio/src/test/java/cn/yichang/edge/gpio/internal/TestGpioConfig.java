package cn.yichang.edge.gpio.internal;

import cn.yichang.edge.gpio.config.GpioConfig;
import java.lang.annotation.Annotation;

/** A {@link GpioConfig} for tests. */
record TestGpioConfig(
    String provider, String script, double script_scale, String state_dir, long counter_flush_ms)
    implements GpioConfig {

  static TestGpioConfig mock(String script, String stateDir) {
    return new TestGpioConfig("mock", script, 1.0, stateDir, 100);
  }

  @Override
  public Class<? extends Annotation> annotationType() {
    return GpioConfig.class;
  }
}
