package io.accessledger.console.web;

import io.accessledger.console.session.ConsoleSession;
import io.accessledger.console.session.LoginForms;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Refuses every console POST that does not carry the form's CSRF token in its {@code csrf} field,
 * with 403 before any page sees it, so it changes nothing: a signed-in session's forms carry the
 * session's token ({@link ConsoleSession#csrf}); the sign-in form, posted before there is a
 * session, carries the HMAC of its cookie's nonce ({@link LoginForms}). Tokens are compared in
 * constant time.
 *
 * <p>It runs before routing, right after {@link SessionFilter}, so no POST is answered otherwise
 * (a 404, or a 415 from a resource's media type) before its token is checked. Only {@code
 * application/x-www-form-urlencoded} bodies of at most {@link #MAX_FORM_BYTES} can carry the
 * field; any other body is refused 403 like a form without it. The body read here is handed on
 * unchanged; a refused one is read and dropped when small, so the connection stays usable.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 100)
public final class CsrfFilter implements ContainerRequestFilter {
  /** The field every form carries. */
  public static final String FIELD = "csrf";
  /** A review note is at most 4 KiB; no console form needs more than this. */
  static final int MAX_FORM_BYTES = 64 * 1024;

  private final LoginForms loginForms;

  public CsrfFilter(LoginForms loginForms) {
    this.loginForms = loginForms;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!"POST".equals(request.getMethod())) {
      return;
    }
    MediaType type = request.getMediaType();
    byte[] body = read(request.getEntityStream());
    if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      refuse(request, body != null, "The console takes only its own forms, so nothing was"
          + " changed.");
      return;
    }
    if (body == null) {
      refuse(request, false, "The form is larger than any of the console's, so nothing was"
          + " changed.");
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(body));
    String presented = FormFields.single(new String(body, StandardCharsets.US_ASCII), FIELD);
    boolean valid;
    if (SessionFilter.isPublic(request.getUriInfo().getPath())) {
      valid = loginForms.matches(Cookies.value(request, Cookies.LOGIN), presented);
    } else {
      ConsoleSession session = ConsoleRequest.session(request);
      valid = presented != null && MessageDigest.isEqual(
          session.csrf().getBytes(StandardCharsets.US_ASCII),
          presented.getBytes(StandardCharsets.US_ASCII));
    }
    if (!valid) {
      refuse(request, true, "This form has expired or did not come from this console, so nothing"
          + " was changed. Go back, reload the page and try again.");
    }
  }

  /** The body if it is at most {@link #MAX_FORM_BYTES}, else null (and the rest left unread). */
  private static byte[] read(InputStream in) {
    try (in) {
      byte[] bytes = in.readNBytes(MAX_FORM_BYTES + 1);
      return bytes.length > MAX_FORM_BYTES ? null : bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Answers 403. A refused body is read first when it is small, so the connection can carry the
   * browser's next request; when part of it was left unread ({@code bodyRead} false) the answer
   * says {@code Connection: close}, because the server will not read the rest and a client that
   * sent its next request on that connection would get no answer at all.
   */
  private static void refuse(ContainerRequestContext request, boolean bodyRead, String message) {
    Response.ResponseBuilder answer = Response.status(403)
        .entity(ErrorPage.of(403, message)).type(MediaType.TEXT_HTML_TYPE);
    if (!bodyRead) {
      answer.header("Connection", "close");
    }
    request.abortWith(answer.build());
  }
}
