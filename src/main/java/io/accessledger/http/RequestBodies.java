package io.accessledger.http;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.auth.ApiClient;
import io.accessledger.auth.ClientStore;
import io.accessledger.auth.Role;
import io.accessledger.resources.BearerAuthFilter;
import io.accessledger.resources.RefusedEventsMeter;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.DataSize;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The servlet filter in front of every {@code /v1/*} request, bounding what one client may hold of
 * the server and taking each POST body only in the form the service reads.
 *
 * <p>For a request with a valid token (others pass untouched: Jersey answers them 401 without
 * reading their body, so an unauthenticated client can make the server buffer nothing):
 * <ol>
 *   <li>429 with {@code Retry-After} if its client already has {@code maxInFlightPerClient}
 *       requests in progress;
 *   <li>for a POST: 415 for a media type or content coding other than those {@link BodyHeaders}
 *       takes; 413 if {@code Content-Length} is over the limit for the endpoint and the client's
 *       role ({@link BodyLimits}); 429 with {@code Retry-After} if it declares a large body
 *       ({@link RequestHold#LARGE}) and its client has {@code maxLargeBodiesPerClient} in flight;
 *   <li>then the body is read without holding a thread ({@link BodyRead}: 408 when too slow, 413
 *       past the limit, 429 as above once it is large, 503 with {@code Retry-After} when the
 *       server's {@link BodyBudget} of {@code maxBufferedBytes} is full), inflated if gzip
 *       ({@link GzipBody}: 400 if corrupt, truncated or of too many members, 413 past the limit),
 *       and only then handed to Jersey, in memory ({@link BufferedBodyRequest}).
 * </ol>
 * A refused request reaches no resource, so it writes nothing. Every refusal is the contract's JSON
 * error and is counted in {@code events.refused.<reason>} like Jersey's own.
 *
 * <p>The filter runs twice for a POST: on the request, where it starts the asynchronous read, and
 * on the container's asynchronous dispatch once the read has ended, where it answers or passes the
 * body on. Filters ahead of it on {@code /v1/*} must support asynchronous requests.
 */
public final class RequestBodies implements Filter {
  private static final String READ = BodyRead.class.getName();

  private final ClientStore clients;
  private final InFlightRequests inFlight;
  private final InFlightRequests largeBodies;
  private final BodyBudget budget;
  private final BodyDeadline deadline;
  private final ScheduledExecutorService scheduler;
  private final ObjectMapper json;
  private final MetricRegistry metrics;

  private RequestBodies(ClientStore clients, RequestLimits limits,
      ScheduledExecutorService scheduler, ObjectMapper json, MetricRegistry metrics) {
    this.clients = clients;
    this.inFlight = new InFlightRequests(limits.maxInFlightPerClient());
    this.largeBodies = new InFlightRequests(limits.maxLargeBodiesPerClient());
    this.budget = new BodyBudget(limits.maxBufferedBytes());
    this.deadline =
        new BodyDeadline(limits.bodyTimeoutNanos(), limits.minBodyRateBytesPerSecond());
    this.scheduler = scheduler;
    this.json = json;
    this.metrics = metrics;
  }

  /**
   * Puts the filter in front of {@code /v1/*}, after any filter registered before this call, and
   * turns off Jetty's own inflation of gzip request bodies (which accepts a truncated stream and
   * has no bound), so that {@link GzipBody} inflates them instead; Jetty still compresses answers.
   */
  public static void install(RequestLimits limits, ServerFactory server,
      Environment environment, ClientStore clients) {
    if (!(server instanceof AbstractServerFactory factory)) {
      throw new IllegalStateException("request limits need Dropwizard's default or simple server, not "
          + server.getClass().getName());
    }
    factory.getGzipFilterFactory().setBufferSize(DataSize.bytes(0)); // 0: no request inflation
    ScheduledExecutorService scheduler = environment.lifecycle()
        .scheduledExecutorService("request-body-deadline-%d", true)
        .threads(1)
        .removeOnCancelPolicy(true)
        .build();
    RequestBodies bodies = new RequestBodies(
        clients, limits, scheduler, environment.getObjectMapper(), environment.metrics());
    environment.metrics().register("http.request-bodies.buffered-bytes",
        (Gauge<Long>) bodies.budget::used);
    FilterRegistration.Dynamic filter = environment.servlets().addFilter("request-bodies", bodies);
    filter.setAsyncSupported(true);
    filter.addMappingForUrlPatterns(
        EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), true, "/v1/*");
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (request.getDispatcherType() == DispatcherType.ASYNC) {
      if (request.getAttribute(READ) instanceof BodyRead read) {
        afterRead(read, request, response, chain);
      } else {
        chain.doFilter(request, response); // not a dispatch of ours: counted on its request
      }
      return;
    }
    String header = request.getHeader("Authorization");
    Optional<ApiClient> client = BearerAuthFilter.bearerToken(header).flatMap(clients::authenticate);
    if (client.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    // Jersey's BearerAuthFilter takes this answer rather than asking the store again.
    request.setAttribute(BearerAuthFilter.AUTHENTICATED,
        new BearerAuthFilter.Authenticated(header, client.get()));
    InFlightRequests.Slot slot = inFlight.tryAcquire(client.get().name());
    if (slot == null) {
      refuse(tooMany(client.get().name()), request, response);
      return;
    }
    if (!"POST".equals(request.getMethod())) {
      try {
        chain.doFilter(request, response);
      } finally {
        slot.release();
      }
      return;
    }
    RequestHold hold = new RequestHold(client.get().name(), slot, largeBodies, budget.open());
    boolean reading = false;
    try {
      startRead(request, client.get().role(), hold);
      reading = true;
    } catch (Refusal refusal) {
      refuse(refusal, request, response);
    } finally {
      if (!reading) {
        hold.release();
      }
    }
  }

  /** Checks a POST's headers and starts reading its body, which then owns the hold. */
  private void startRead(HttpServletRequest request, Role role, RequestHold hold)
      throws IOException {
    String call = call(request);
    BodyHeaders.Coding coding = BodyHeaders.check(request, call);
    int limit = BodyLimits.forRequest(path(request), role);
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      throw BodyLimits.tooLarge(call, "is " + declared + " bytes, over", limit);
    }
    if (declared > RequestHold.LARGE) {
      hold.markLarge(call);
    }
    if (!request.isAsyncSupported()) {
      throw new IllegalStateException("a filter or servlet ahead of " + RequestBodies.class.getName()
          + " on " + call + " does not support asynchronous requests");
    }
    AsyncContext async = request.startAsync();
    BodyRead read = new BodyRead(async, call, coding, limit, declared, deadline, scheduler, hold);
    request.setAttribute(READ, read);
    read.start();
  }

  /** On the dispatch after the read: answers a refused read, or passes the body on. */
  private void afterRead(BodyRead read, HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws IOException, ServletException {
    request.removeAttribute(READ);
    byte[] body;
    try {
      if (read.refusal() != null) {
        throw read.refusal();
      }
      body = read.takeBody();
      if (read.coding() == BodyHeaders.Coding.GZIP) {
        BodyBudget.Reservation buffer = read.hold().buffer();
        int compressed = body.length;
        body = GzipBody.inflate(
            body, read.call(), new BodyBuffer(read.call(), read.limit(), -1, buffer));
        buffer.giveBack(compressed); // the compressed bytes are garbage now
      }
    } catch (Refusal refusal) {
      refuse(refusal, request, response);
      return;
    }
    chain.doFilter(new BufferedBodyRequest(request, body), response);
  }

  private Refusal tooMany(String client) {
    return new Refusal(429, "client " + client + " has " + inFlight.max() + " requests in progress,"
        + " the most one client may have at once; retry when one has been answered")
        .with("Retry-After", "1")
        .closing();
  }

  private void refuse(Refusal refusal, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    RefusedEventsMeter.mark(metrics, request.getMethod(), path(request), refusal.status());
    refusal.send(response, json);
  }

  private static String call(HttpServletRequest request) {
    return request.getMethod() + " " + path(request);
  }

  /** The path within the application, decoded and normalised as Jersey matches it. */
  private static String path(HttpServletRequest request) {
    String info = request.getPathInfo();
    return request.getServletPath() + (info == null ? "" : info);
  }
}
