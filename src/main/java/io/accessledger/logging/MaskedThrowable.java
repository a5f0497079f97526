package io.accessledger.logging;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A copy of an exception chain with credentials masked in every message: each link becomes a
 * {@code MaskedThrowable} that names the original class and keeps its stack trace, so a log shows
 * where it happened without what it carried.
 */
final class MaskedThrowable extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_DEPTH = 32;

  private MaskedThrowable(String message, Throwable cause) {
    super(message, cause, false, true);
  }

  static boolean mayHoldSecret(Throwable t) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (int depth = 0; t != null && depth < MAX_DEPTH && seen.put(t, true) == null; depth++) {
      if (SecretMasking.mayHoldSecret(t.getMessage())) {
        return true;
      }
      t = t.getCause();
    }
    return false;
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
    return copy;
  }

  @Override
  public String toString() {
    return getMessage(); // the original class name is already its first word
  }
}
