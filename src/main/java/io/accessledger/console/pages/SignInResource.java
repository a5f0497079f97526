package io.accessledger.console.pages;

import io.accessledger.auth.ApiClient;
import io.accessledger.auth.ClientStore;
import io.accessledger.auth.Role;
import io.accessledger.console.session.ConsoleSessions;
import io.accessledger.console.session.LoginForms;
import io.accessledger.console.session.SignInThrottle;
import io.accessledger.console.web.ConsoleRequest;
import io.accessledger.console.web.Cookies;
import io.accessledger.console.web.ErrorPage;
import io.accessledger.console.web.Page;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/**
 * Signing in and out. {@code POST /console/login} exchanges an auditor's or investigator's token
 * for a session; the token is checked against the {@link ClientStore} and then forgotten (the
 * session never holds it). Ingest and admin tokens are refused, and so is every address that has
 * failed too often lately ({@link SignInThrottle}). The CSRF filter has already checked the form.
 */
@Path("")
@Produces(MediaType.TEXT_HTML)
public final class SignInResource {
  /** What the sign-in page shows. */
  public record SignIn(String csrf, String problem, String notice) {}

  private final ClientStore clients;
  private final ConsoleSessions sessions;
  private final SignInThrottle throttle;
  private final LoginForms forms;
  private final Meter refused;

  public SignInResource(ClientStore clients, ConsoleSessions sessions, SignInThrottle throttle,
      LoginForms forms, MetricRegistry metrics) {
    this.clients = clients;
    this.sessions = sessions;
    this.throttle = throttle;
    this.forms = forms;
    this.refused = metrics.meter("console.sign-in.refused");
  }

  @GET
  @Path("login")
  public Response form(@Context ContainerRequestContext request,
      @QueryParam("signedOut") String signedOut) {
    return form(request, 200, null, signedOut != null ? "You have signed out." : null);
  }

  @POST
  @Path("login")
  public Response signIn(@Context ContainerRequestContext request,
      @Context HttpServletRequest servlet, @FormParam("token") String token) {
    String address = servlet.getRemoteAddr();
    if (!throttle.allows(address)) {
      refused.mark();
      long seconds = Math.max(1, throttle.retryAfter(address).toSeconds());
      return Response.status(429).type(MediaType.TEXT_HTML_TYPE)
          .header("Retry-After", seconds)
          .entity(ErrorPage.of(429, "Too many failed sign-ins from this address. Try again in "
              + Math.max(1, (seconds + 59) / 60) + " minutes."))
          .build();
    }
    Optional<ApiClient> client = clients.authenticate(token == null ? null : token.strip());
    if (client.isEmpty()) {
      throttle.failed(address);
      refused.mark();
      return form(request, 401, "The token is not recognised, or it has been revoked", null);
    }
    Role role = client.get().role();
    if (role != Role.AUDITOR && role != Role.INVESTIGATOR) {
      throttle.failed(address);
      refused.mark();
      return form(request, 403, "This is " + (role == Role.INGEST ? "a records system's (ingest)"
          : "an administration") + " token: the console is for auditors and investigators", null);
    }
    boolean secure = request.getSecurityContext().isSecure();
    sessions.end(Cookies.value(request, Cookies.SESSION)); // a new sign-in, a new session only
    ConsoleSessions.Opened opened = sessions.open(client.get());
    return Response.seeOther(URI.create("/console/"))
        .header("Set-Cookie", Cookies.set(Cookies.SESSION, opened.cookieValue(), secure))
        .header("Set-Cookie", Cookies.clear(Cookies.LOGIN, secure))
        .build();
  }

  @POST
  @Path("logout")
  public Response signOut(@Context ContainerRequestContext request) {
    sessions.end((String) request.getProperty(ConsoleRequest.COOKIE_PROPERTY));
    boolean secure = request.getSecurityContext().isSecure();
    return Response.seeOther(URI.create("/console/login?signedOut"))
        .header("Set-Cookie", Cookies.clear(Cookies.SESSION, secure)).build();
  }

  private Response form(ContainerRequestContext request, int status, String problem,
      String notice) {
    String nonce = forms.newNonce();
    boolean secure = request.getSecurityContext().isSecure();
    String title = problem == null ? "Sign in" : "Error: Sign in";
    return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
        .header("Set-Cookie", Cookies.set(Cookies.LOGIN, nonce, secure))
        .entity(new Page("login", title, new SignIn(forms.fieldFor(nonce), problem, notice)))
        .build();
  }
}
