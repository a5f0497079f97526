package io.accessledger.console.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CSRF protection of the sign-in form, which is posted before there is a session: the form's
 * page sets a random nonce in a cookie, and its hidden field carries the HMAC of that nonce under
 * a key that lives only in this process's memory. A sign-in is taken only when the two match, so
 * another site cannot sign a browser in to a session of its choosing (login CSRF), and a cookie
 * planted without the field, or a field copied without its cookie, is refused.
 */
public final class LoginForms {
  private static final String MAC = "HmacSHA256";
  private final byte[] key = new byte[32];

  public LoginForms() {
    new SecureRandom().nextBytes(key);
  }

  /** A fresh nonce for the form's cookie. */
  public String newNonce() {
    return ConsoleSessions.randomToken();
  }

  /** The value of the form's hidden field for {@code nonce}. */
  public String fieldFor(String nonce) {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(new SecretKeySpec(key, MAC));
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(nonce.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** Whether {@code field} is the form field for {@code nonce}, compared in constant time. */
  public boolean matches(String nonce, String field) {
    if (nonce == null || field == null || nonce.length() > 100 || field.length() > 100) {
      return false;
    }
    return MessageDigest.isEqual(fieldFor(nonce).getBytes(StandardCharsets.US_ASCII),
        field.getBytes(StandardCharsets.US_ASCII));
  }
}
