package io.accessledger.witness;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleProofs;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.ledger.merkle.NodeSource;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointSigner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A log for feeding a cosigning witness: a tree of named leaves, checkpoints of its prefixes signed
 * by a real {@link CheckpointSigner}, and real RFC 9162 consistency proofs from the production
 * proof code ({@link MerkleProofs}). Two prefixes make two trees: a fork.
 */
public final class CosignTestLog {
  private final List<Digest> leaves;
  private final CheckpointSigner signer;

  public CosignTestLog(String prefix, int size, CheckpointSigner signer) {
    List<Digest> hashes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      hashes.add(TreeHasher.leafHash((prefix + "-" + i).getBytes(StandardCharsets.UTF_8)));
    }
    this.leaves = List.copyOf(hashes);
    this.signer = signer;
  }

  public Checkpoint checkpoint(int size) {
    return new Checkpoint(signer.origin(), size, MerkleProofs.root(size, source()));
  }

  /** The signed checkpoint note of the first {@code size} leaves. */
  public String note(int size) {
    return signer.sign(checkpoint(size));
  }

  /** The consistency proof from {@code m} to {@code n} (empty when {@code m} is 0). */
  public List<Digest> proof(int m, int n) {
    return m == 0 ? List.of() : MerkleProofs.consistency(m, n, source());
  }

  /** The body of an honest add-checkpoint request from {@code old} to {@code size}. */
  public String request(int old, int size) {
    return body(old, proof(old, size), note(size));
  }

  public static String body(long old, List<Digest> proof, String note) {
    StringBuilder body = new StringBuilder("old ").append(old).append('\n');
    proof.forEach(hash -> body.append(hash.base64()).append('\n'));
    return body.append('\n').append(note).toString();
  }

  private NodeSource source() {
    return ids -> ids.stream().map(this::subtree).toList();
  }

  private Digest subtree(NodeId id) {
    if (id.level() == 0) {
      return leaves.get((int) id.index());
    }
    return TreeHasher.nodeHash(subtree(new NodeId(id.level() - 1, id.index() * 2)),
        subtree(new NodeId(id.level() - 1, id.index() * 2 + 1)));
  }
}
