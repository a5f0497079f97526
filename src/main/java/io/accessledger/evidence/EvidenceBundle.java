package io.accessledger.evidence;

import java.util.List;
import java.util.Objects;

/**
 * An evidence bundle ({@link BundleFormat}) as {@link BundleReader} read it: well-formed, every
 * field of the format present and typed, nothing else. Nothing in it is checked yet: it is what
 * the file claims, until {@link BundleVerifier} verifies it against a key the verifier trusts.
 * Immutable.
 *
 * @param origin the log's name, as the bundle states it (informational)
 * @param verifierKey the log's verifier key, as the bundle states it (informational)
 * @param key the history's link key, e.g. {@code subject:c-1}
 * @param requestedBy who the bundle says asked for it
 * @param requestedAt when the bundle says they asked, as written
 * @param request the {@code AUDIT_QUERY} entry said to record the request
 * @param treeSize the size of the tree everything is said to be proven in
 * @param checkpoint the signed checkpoint note of that tree
 * @param completeness the signed completeness statement for {@code key} in that tree
 * @param consistency the consistency proofs from earlier trees, in the order given
 * @param entries the history's entries, in the order given
 * @param releases the extract releases the entries point at, in the order given
 * @param keyRotations the key rotations said to lead to the key of {@code checkpoint}, in the
 *     order given (empty when the bundle carries none)
 * @param cosigned the cosigned checkpoints, in the order given (empty when the field is absent)
 */
public record EvidenceBundle(
    String origin,
    String verifierKey,
    String key,
    BundleRequester requestedBy,
    String requestedAt,
    BundleEntry request,
    long treeSize,
    String checkpoint,
    String completeness,
    List<BundleConsistency> consistency,
    List<BundleEntry> entries,
    List<BundleEntry> releases,
    List<BundleRotation> keyRotations,
    List<BundleCosigned> cosigned) {

  /** A bundle of a log that never rotated its key, with no {@code cosigned} field. */
  public EvidenceBundle(String origin, String verifierKey, String key,
      BundleRequester requestedBy, String requestedAt, BundleEntry request, long treeSize,
      String checkpoint, String completeness, List<BundleConsistency> consistency,
      List<BundleEntry> entries, List<BundleEntry> releases) {
    this(origin, verifierKey, key, requestedBy, requestedAt, request, treeSize, checkpoint,
        completeness, consistency, entries, releases, List.of(), List.of());
  }

  public EvidenceBundle {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(verifierKey, "verifierKey");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(request, "request");
    if (treeSize < 0) {
      throw new IllegalArgumentException("treeSize must be 0 or more, got " + treeSize);
    }
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(completeness, "completeness");
    consistency = List.copyOf(consistency);
    entries = List.copyOf(entries);
    releases = List.copyOf(releases);
    keyRotations = List.copyOf(keyRotations);
    cosigned = List.copyOf(cosigned);
  }
}
