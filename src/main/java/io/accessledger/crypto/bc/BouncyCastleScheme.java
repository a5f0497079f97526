package io.accessledger.crypto.bc;

import io.accessledger.crypto.SignatureScheme;
import io.accessledger.crypto.Verifier;

/** Bouncy Castle's Ed25519, registered in {@code META-INF/services} for {@code SignatureSchemes}. */
public final class BouncyCastleScheme implements SignatureScheme {
  @Override
  public Verifier ed25519Verifier(byte[] publicKey) {
    return new Ed25519Verifier(publicKey);
  }
}
