package io.accessledger.console.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;

/**
 * The console's cookies, written as {@code Set-Cookie} values by hand so that every attribute is
 * visible here: {@code HttpOnly} (no script reads them), {@code SameSite=Strict} (no other site's
 * page sends them), {@code Path=/console} (the API never sees them) and {@code Secure} when the
 * request came over HTTPS. Their values are base64url, which needs no quoting.
 */
public final class Cookies {
  /** Names the session. */
  public static final String SESSION = "ledger_session";
  /** Holds the sign-in form's nonce ({@code LoginForms}). */
  public static final String LOGIN = "ledger_login";

  private Cookies() {}

  /** A cookie set for the browser session (no Max-Age: it goes when the browser closes). */
  public static String set(String name, String value, boolean secure) {
    return name + "=" + value + "; Path=/console; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }

  /** Removes a cookie. */
  public static String clear(String name, boolean secure) {
    return name + "=; Path=/console; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }

  /** The value of cookie {@code name} on the request, or null. */
  public static String value(ContainerRequestContext request, String name) {
    Cookie cookie = request.getCookies().get(name);
    return cookie == null ? null : cookie.getValue();
  }
}
