package io.accessledger.crypto;

/**
 * An implementation of the signature algorithms the ledger uses, found by {@link
 * SignatureSchemes} as a {@link java.util.ServiceLoader} service.
 *
 * <p>Implementations MUST be thread-safe and MUST refuse (with {@link IllegalArgumentException})
 * a key that is not 32 bytes or does not decode to a curve point; the verifiers they return MUST
 * refuse non-canonical signatures (S &ge; L).
 */
public interface SignatureScheme {
  /** A verifier of Ed25519 (RFC 8032, pure) signatures made with {@code publicKey}. */
  Verifier ed25519Verifier(byte[] publicKey);
}
