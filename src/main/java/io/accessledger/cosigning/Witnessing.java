package io.accessledger.cosigning;

import io.accessledger.store.CosignerId;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The witnesses configured ({@code witnesses}) and how often each is asked
 * ({@code witnessInterval}), checked: no two witnesses with the same key name (a health check and
 * metrics are named after it), an interval of at least one second.
 *
 * @param witnesses the witnesses, in the order configured; empty: none is asked
 * @param interval at most how often one witness is sent a checkpoint
 */
public record Witnessing(List<WitnessEndpoint> witnesses, Duration interval) {
  public Witnessing {
    witnesses = List.copyOf(witnesses);
    Objects.requireNonNull(interval, "interval");
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("witnessInterval must be at least 1 second, got "
          + interval);
    }
    Set<String> names = new HashSet<>();
    for (WitnessEndpoint witness : witnesses) {
      if (!names.add(witness.name())) {
        throw new IllegalArgumentException("two witnesses are named " + witness.name()
            + ": each witness needs a key name of its own");
      }
    }
  }

  /** No witness: the ledger asks for no cosignatures. */
  public static Witnessing none() {
    return new Witnessing(List.of(), Duration.ofSeconds(10));
  }

  /** The configured witnesses' keys, as the store names them. */
  public List<CosignerId> cosigners() {
    return witnesses.stream().map(WitnessEndpoint::cosigner).toList();
  }
}
