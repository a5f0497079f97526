package io.accessledger.ledger.notes;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.ProofException;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.merkle.TreeHasher;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP transparency log proof: that the entry at {@code index} is in the tree a signed checkpoint
 * commits to, in the text format of <a href="https://c2sp.org/tlog-proof">c2sp.org/tlog-proof</a>
 * version v1 (the spec whose header line is {@value #HEADER}; followed as published in the C2SP
 * repository, {@code tlog-proof.md}).
 *
 * <p>The format, line by line, each line ending with a newline (U+000A):
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * extra &lt;base64&gt;          (optional: opaque, unauthenticated extra data)
 * index &lt;decimal&gt;         (zero-based; no sign, no leading zero unless 0)
 * &lt;base64 hash&gt;           (zero or more: the RFC 9162 inclusion proof, leaf's sibling first)
 *
 * &lt;the signed checkpoint note, verbatim&gt;
 * </pre>
 *
 * <p>{@link #parse} is strict: it accepts exactly that and names the first line that differs
 * (wrong header, an {@code extra} or hash line that is not canonical padded base64, a hash that is
 * not 32 bytes, a non-canonical index, more hashes than any tree of 2^63 leaves needs, no blank
 * line, a carriage return, a checkpoint that is not a well-formed signed note). Parsing checks
 * syntax only; {@link #verify} then checks the signature and the proof. {@link #format} writes
 * what {@code parse} reads back to an equal value.
 *
 * <p><b>What a verified proof guarantees.</b> {@link #verify} returns only if the checkpoint is
 * validly signed by the given key under its origin, and the leaf's RFC 9162 hash, folded with the
 * proof hashes along the path of {@code index}, gives the root that checkpoint signs. It says
 * nothing about whether the log showed everyone the same checkpoint (that is what witnesses are
 * for), and the {@code extra} data is never used: the spec says it MUST NOT be trusted implicitly.
 * The proof holds no leaf, so it discloses nothing about the entry; whoever checks it needs the
 * leaf bytes from elsewhere (this log: {@code GET /v1/entries/{seq}}).
 *
 * @param extra the {@code extra} line's base64 text (canonical, possibly empty), or null when the
 *     proof has no extra line
 * @param index the zero-based index (this log's {@code seq}) of the entry
 * @param proof the inclusion proof, leaf's sibling first; at most 63 hashes
 * @param checkpoint the signed checkpoint note, ending with a newline
 */
public record TlogProof(String extra, long index, List<Digest> proof, String checkpoint) {
  /** The first line of every v1 proof. */
  public static final String HEADER = "c2sp.org/tlog-proof@v1";

  /** An inclusion proof in a tree of fewer than 2^63 leaves has at most 63 hashes. */
  static final int MAX_HASHES = 63;

  /**
   * @throws IllegalArgumentException if {@code index} is negative, the proof is longer than 63
   *     hashes or holds a null, {@code extra} is not canonical base64, or {@code checkpoint} is not
   *     a well-formed signed note
   */
  public TlogProof {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(checkpoint, "checkpoint");
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    proof = List.copyOf(proof); // also refuses null hashes
    if (proof.size() > MAX_HASHES) {
      throw new IllegalArgumentException(
          "an inclusion proof has at most " + MAX_HASHES + " hashes, got " + proof.size());
    }
    if (extra != null) {
      try {
        NoteText.decodeBase64(extra);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("extra must be canonical base64", e);
      }
    }
    try {
      SignedNote.parse(checkpoint);
    } catch (CheckpointException e) {
      throw new IllegalArgumentException("checkpoint is not a signed note: " + e.getMessage(), e);
    }
  }

  /** A proof with no extra line: what this log serves. */
  public static TlogProof of(long index, List<Digest> proof, String checkpoint) {
    return new TlogProof(null, index, proof, checkpoint);
  }

  /** The proof text: header, optional extra line, index, hashes, a blank line, the note. */
  public String format() {
    return TlogProofText.format(this);
  }

  /**
   * Reads a proof in the v1 text format; checks syntax only (see {@link #verify}).
   *
   * @throws TlogProofException naming the first line that is not as the format requires
   */
  public static TlogProof parse(String text) throws TlogProofException {
    return TlogProofText.parse(text);
  }

  /**
   * Verifies that {@code leaf} (the entry's bytes; this log's canonical leaf JSON) is entry
   * {@code index} of the tree whose checkpoint {@code key} signs.
   *
   * @return the verified checkpoint
   * @throws TlogProofException if the checkpoint is not validly signed by {@code key} under its
   *     origin, {@code index} is not below its size, or the proof does not lead to its root
   */
  public Checkpoint verify(byte[] leaf, VerifierKey key) throws TlogProofException {
    Objects.requireNonNull(leaf, "leaf");
    return verifyLeafHash(TreeHasher.leafHash(leaf), key);
  }

  /**
   * As {@link #verify}, for a caller that holds only the leaf hash SHA-256(0x00 || leaf).
   *
   * @return the verified checkpoint
   * @throws TlogProofException as {@link #verify} does
   */
  public Checkpoint verifyLeafHash(Digest leafHash, VerifierKey key) throws TlogProofException {
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(key, "key");
    Checkpoint signed;
    try {
      signed = SignedCheckpoint.open(checkpoint, key);
    } catch (CheckpointException e) {
      throw new TlogProofException("checkpoint refused: " + e.getMessage(), e);
    }
    try {
      ProofVerifier.verifyInclusion(index, signed.size(), leafHash, proof, signed.root());
    } catch (ProofException e) {
      throw new TlogProofException("inclusion proof for index " + index + " in the tree of size "
          + signed.size() + " does not verify: " + e.getMessage(), e);
    }
    return signed;
  }
}
