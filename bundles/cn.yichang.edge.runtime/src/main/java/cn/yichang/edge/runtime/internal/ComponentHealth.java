package cn.yichang.edge.runtime.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in the log which configured components are not running and why: SCR keeps a component that
 * waits for a service silently, and a technician would otherwise see only that nothing happens.
 * Checked every few seconds; each state is reported once, and again when it changes.
 */
@Component(immediate = true)
public final class ComponentHealth {
  private static final Logger LOG = LoggerFactory.getLogger("cn.yichang.edge.health");
  static final long CHECK_SECONDS = 5;

  private final ServiceComponentRuntime scr;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "component-health"));
  private Set<String> reported = Set.of();

  @Activate
  public ComponentHealth(@Reference ServiceComponentRuntime scr) {
    this.scr = scr;
    timer.scheduleWithFixedDelay(this::check, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
  }

  @Deactivate
  void deactivate() {
    timer.shutdownNow();
  }

  void check() {
    Set<String> now = new HashSet<>();
    for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
      for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(description)) {
        String problem = problem(c);
        if (problem == null) {
          continue;
        }
        String line =
            description.name + " " + c.properties.getOrDefault("service.pid", "") + ": " + problem;
        now.add(line);
        if (!reported.contains(line)) {
          if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
            LOG.error("{}", line);
          } else {
            LOG.warn("{}", line);
          }
        }
      }
    }
    reported = now;
  }

  static String problem(ComponentConfigurationDTO c) {
    if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
      return "failed to activate: " + c.failure;
    }
    if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
      return "waiting for " + waitingFor(List.of(c.unsatisfiedReferences));
    }
    if (c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION) {
      return "waiting for its configuration";
    }
    return null;
  }

  private static String waitingFor(List<UnsatisfiedReferenceDTO> references) {
    return references.stream()
        .map(r -> r.name + (r.target == null ? "" : " " + r.target))
        .collect(Collectors.joining(", "));
  }
}
