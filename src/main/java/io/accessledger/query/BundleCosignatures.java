package io.accessledger.query;

import com.fasterxml.jackson.core.JsonGenerator;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleProofs;
import io.accessledger.ledger.merkle.NodeSource;
import io.accessledger.store.CosignerId;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Writes a bundle's optional {@code cosigned} field ({@link io.accessledger.evidence.BundleFormat}):
 * the bundle's own checkpoint if any witness cosigned it, and for each configured witness the
 * latest checkpoint it cosigned at or below the bundle's tree, each with its cosignature lines and
 * the consistency proof from it to the bundle's tree, largest first. Nothing is written when there
 * is none: a bundle of a log without witnesses is exactly as before.
 */
final class BundleCosignatures {
  private final LedgerStore store;
  private final CosignedCheckpoints cosigned;
  private final List<CosignerId> witnesses;

  BundleCosignatures(LedgerStore store, CosignedCheckpoints cosigned, List<CosignerId> witnesses) {
    this.store = store;
    this.cosigned = cosigned;
    this.witnesses = List.copyOf(witnesses);
  }

  /** The cosigned tree sizes a bundle of {@code checkpoint}'s tree carries, largest first. */
  List<Long> sizes(StoredCheckpoint checkpoint) {
    TreeSet<Long> sizes = new TreeSet<>();
    if (!store.cosignatures(checkpoint.size()).isEmpty()) {
      sizes.add(checkpoint.size());
    }
    for (CosignerId witness : witnesses) {
      OptionalLong size = store.latestCosignedSize(List.of(witness), checkpoint.size());
      size.ifPresent(sizes::add);
    }
    return List.copyOf(sizes.descendingSet());
  }

  void write(JsonGenerator json, StoredCheckpoint checkpoint, NodeSource nodes,
      LedgerQueries queries) throws IOException {
    List<Long> sizes = sizes(checkpoint);
    if (sizes.isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("cosigned");
    for (long size : sizes) {
      StoredCheckpoint then = size == checkpoint.size() ? checkpoint : queries.signedAt(size);
      json.writeStartObject();
      json.writeStringField("checkpoint", cosigned.withCosignatures(then));
      json.writeArrayFieldStart("proof");
      List<Digest> proof = size == 0 || size == checkpoint.size() ? List.of()
          : MerkleProofs.consistency(size, checkpoint.size(), nodes);
      for (Digest hash : proof) {
        json.writeString(hash.hex());
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
