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
      408, "timeout",
      409, "conflict",
      413, "too-large",
      415, "unsupported-media-type",
      422, "invalid",
      429, "too-many-requests",
      503, "busy");

  private final MetricRegistry metrics;

  public RefusedEventsMeter(MetricRegistry metrics) {
    this.metrics = metrics;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    mark(metrics, request.getMethod(), request.getUriInfo().getPath(), response.getStatus());
  }

  /**
   * Counts one answer if it refuses a post of events: for refusals made before Jersey, such as
   * those of {@link io.accessledger.http.RequestBodies}.
   *
   * @param path with or without its leading slash
   */
  public static void mark(MetricRegistry metrics, String method, String path, int status) {
    if (status < 400 || !"POST".equals(method)) {
      return;
    }
    String relative = path.startsWith("/") ? path.substring(1) : path;
    if (relative.equals("v1/events") || relative.equals("v1/events/batch")) {
      metrics.meter("events.refused." + REASONS.getOrDefault(status, "error-" + status)).mark();
    }
  }
}
