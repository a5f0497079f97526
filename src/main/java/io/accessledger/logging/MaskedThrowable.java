package io.accessledger.logging;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A copy of an exception chain (causes and suppressed exceptions) with credentials masked in every
 * message: each link becomes a
 * {@code MaskedThrowable} that names the original class and keeps its stack trace, so a log shows
 * where it happened without what it carried.
 */
final class MaskedThrowable extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_DEPTH = 32;

  private MaskedThrowable(String message, Throwable cause) {
    super(message, cause, true, true);
  }

  /** Whether any message in {@code t}'s chain, causes and suppressed exceptions, may hold one. */
  static boolean mayHoldSecret(Throwable t) {
    return mayHoldSecret(t, 0, new IdentityHashMap<>());
  }

  private static boolean mayHoldSecret(Throwable t, int depth, Map<Throwable, Boolean> seen) {
    if (t == null || depth >= MAX_DEPTH || seen.put(t, true) != null) {
      return false;
    }
    if (SecretMasking.mayHoldSecret(t.getMessage())) {
      return true;
    }
    for (Throwable suppressed : t.getSuppressed()) {
      if (mayHoldSecret(suppressed, depth + 1, seen)) {
        return true;
      }
    }
    return mayHoldSecret(t.getCause(), depth + 1, seen);
  }

  static Throwable of(Throwable t) {
    return copy(t, 0, new IdentityHashMap<>());
  }

  private static Throwable copy(Throwable t, int depth, Map<Throwable, Boolean> seen) {
    if (t == null || depth >= MAX_DEPTH || seen.put(t, true) != null) {
      return null;
    }
    String message = t.getMessage() == null ? t.getClass().getName()
        : t.getClass().getName() + ": " + SecretMasking.mask(t.getMessage());
    MaskedThrowable copy = new MaskedThrowable(message, copy(t.getCause(), depth + 1, seen));
    copy.setStackTrace(t.getStackTrace());
    for (Throwable suppressed : t.getSuppressed()) {
      Throwable masked = copy(suppressed, depth + 1, seen);
      if (masked != null) {
        copy.addSuppressed(masked);
      }
    }
    return copy;
  }

  @Override
  public String toString() {
    return getMessage(); // the original class name is already its first word
  }
}
