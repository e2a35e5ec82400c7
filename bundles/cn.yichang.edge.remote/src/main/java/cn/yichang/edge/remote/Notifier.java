package cn.yichang.edge.remote;

import cn.yichang.edge.kura.KuraMetric;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Progress of long requests (downloads, installs) to the requester, as Kura does: on {@code
 * $EDC/<account>/<requester.client.id>/<APP-ID>/NOTIFY/<gateway-id>/<type>}. Registered while
 * remote management runs.
 */
@ProviderType
public interface Notifier {

  /**
   * @param type e.g. {@code download}, {@code install}, {@code uninstall}
   * @return false when there is no connection (nothing was sent)
   */
  boolean notify(Request origin, String type, List<KuraMetric> metrics);
}
