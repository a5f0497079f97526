package io.accessledger.evidence;

import io.accessledger.ledger.notes.WitnessKey;
import java.time.Instant;
import java.util.Objects;

/**
 * What a bundle proved about one witness the verifier named: the witness's key cosigned the log's
 * checkpoint of {@code treeSize} at {@code time}, and the bundle's tree extends that checkpoint.
 * So the log showed this witness a history that the bundle's history continues.
 *
 * @param witness the witness's key, as the verifier gave it
 * @param treeSize the largest cosigned tree size in the bundle
 * @param time when the witness says it cosigned it
 */
public record WitnessVouch(WitnessKey witness, long treeSize, Instant time) {
  public WitnessVouch {
    Objects.requireNonNull(witness, "witness");
    Objects.requireNonNull(time, "time");
  }
}
