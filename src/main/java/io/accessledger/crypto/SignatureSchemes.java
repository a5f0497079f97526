package io.accessledger.crypto;

import java.util.ServiceLoader;

/**
 * Builds verifiers for public keys without naming the library that checks the signatures.
 *
 * <p>The pure core ({@code ledger.notes}) verifies signed notes through this class and {@link
 * Verifier} alone, so it links to no crypto implementation; the one implementation,
 * {@code crypto.bc} (Bouncy Castle), registers itself as a {@link SignatureScheme} service. The
 * JCA finds its providers the same way. The scheme is looked up once, on first use.
 */
public final class SignatureSchemes {
  private SignatureSchemes() {}

  private static final class Loaded {
    static final SignatureScheme SCHEME = load();
  }

  private static SignatureScheme load() {
    SignatureScheme found = null;
    for (SignatureScheme scheme : ServiceLoader.load(SignatureScheme.class)) {
      if (found != null) {
        // Two implementations of one algorithm would make verification depend on class path order.
        throw new IllegalStateException("more than one Ed25519 SignatureScheme on the class path: "
            + found.getClass().getName() + " and " + scheme.getClass().getName());
      }
      found = scheme;
    }
    if (found == null) {
      throw new IllegalStateException("no Ed25519 SignatureScheme on the class path "
          + "(META-INF/services/" + SignatureScheme.class.getName() + ")");
    }
    return found;
  }

  /**
   * A verifier of Ed25519 signatures made with {@code publicKey}.
   *
   * @throws IllegalArgumentException unless {@code publicKey} is a valid 32-byte Ed25519 key
   */
  public static Verifier ed25519(byte[] publicKey) {
    return Loaded.SCHEME.ed25519Verifier(publicKey);
  }
}
