package io.accessledger.resources;

import com.codahale.metrics.MetricRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.Map;

/**
 * Counts posts to {@code /v1/events} that were refused, by reason (meters
 * {@code events.refused.<reason>}), so an operator sees a records system sending bad events or
 * being pushed back before its users notice.
 */
public final class RefusedEventsMeter implements ContainerResponseFilter {
  private static final Map<Integer, String> REASONS = Map.of(
      400, "malformed",
      401, "unauthenticated",
      403, "forbidden",
      409, "conflict",
      413, "too-large",
      415, "unsupported-media-type",
      422, "invalid",
      503, "busy");

  private final MetricRegistry metrics;

  public RefusedEventsMeter(MetricRegistry metrics) {
    this.metrics = metrics;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    if (status < 400 || !"POST".equals(request.getMethod())) {
      return;
    }
    String path = request.getUriInfo().getPath();
    if (path.equals("v1/events") || path.equals("v1/events/batch")) {
      metrics.meter("events.refused." + REASONS.getOrDefault(status, "error-" + status)).mark();
    }
  }
}
