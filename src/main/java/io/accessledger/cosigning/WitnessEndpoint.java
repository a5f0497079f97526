package io.accessledger.cosigning;

import io.accessledger.ledger.notes.WitnessKey;
import io.accessledger.store.CosignerId;
import java.net.URI;
import java.util.Objects;

/**
 * One witness the ledger asks for cosignatures (config.yml {@code witnesses}): where it listens
 * and the key it cosigns with. The ledger accepts only cosignatures this key verifies.
 *
 * @param url the witness's submission prefix: requests go to {@code url + "/add-checkpoint"}
 * @param key the witness's {@code cosignature/v1} verifier key
 */
public record WitnessEndpoint(URI url, WitnessKey key) {
  public WitnessEndpoint {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(key, "key");
  }

  /** The witness's name: its key's name. */
  public String name() {
    return key.name();
  }

  /** How the store names this witness's cosignatures. */
  public CosignerId cosigner() {
    return new CosignerId(key.name(), key.keyIdHex());
  }

  /** Where {@code add-checkpoint} is posted. */
  public URI addCheckpoint() {
    String base = url.toString();
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + "/add-checkpoint");
  }
}
