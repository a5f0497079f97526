package io.accessledger.evidence;

import java.util.List;

/**
 * The evidence bundle's format, {@value #FORMAT}: one JSON object, documented in the README
 * ("Evidence bundles"), read by {@link BundleReader} into an {@link EvidenceBundle} and checked by
 * {@link BundleVerifier}. Its fields, in the order written:
 *
 * <ul>
 *   <li>{@code format}: {@value #FORMAT}.
 *   <li>{@code origin}, {@code verifierKey}: the log's name and key; informational, since a
 *       verifier must bring the key it trusts.
 *   <li>{@code key}: the history's link key, e.g. {@code subject:c-1}.
 *   <li>{@code requestedBy} ({@code id}, {@code role}), {@code requestedAt}: who asked for the
 *       bundle and when, copied from {@code request}.
 *   <li>{@code request}: the {@code AUDIT_QUERY} entry that recorded the request, proven.
 *   <li>{@code treeSize}, {@code checkpoint}: the signed tree everything is proven in.
 *   <li>{@code completeness}: the signed statement naming the key's latest entry in that tree.
 *   <li>{@code consistency}: for each tree size M the requester named in {@code since}, the
 *       checkpoint the log signed at M and the consistency proof from M to {@code treeSize}:
 *       {@code [{"from": M, "checkpoint": note, "proof": [hex…]}]}.
 *   <li>{@code entries}: every entry naming the key, oldest first: {@code seq}, {@code leaf},
 *       {@code leafHash}, {@code proof}.
 *   <li>{@code releases}: the {@code EXTRACT_RELEASE} entries that the {@code EXTRACT_SUBJECT}
 *       entries point at, in the same shape, ascending.
 *   <li>{@code keyRotations} (only when the log rotated its key below {@code treeSize}): every
 *       {@code KEY_ROTATION} entry, ascending, each proven in the first checkpoint that covers
 *       it (signed by the old key) and that checkpoint proven a prefix of the bundle's tree:
 *       {@code [{"seq","leaf","leafHash","proof","checkpoint","consistency":[hex…]}]}. With them
 *       a verifier who holds only an old key can trust the key that signs {@code checkpoint}.
 *   <li>{@code cosigned} (optional, written only when there is something in it): checkpoints the
 *       log's witnesses cosigned, each the log's signed note followed by the witnesses' C2SP
 *       {@code cosignature/v1} lines, with the consistency proof from its tree to
 *       {@code treeSize}: {@code [{"checkpoint": note, "proof": [hex…]}]}. The bundle's own
 *       checkpoint when any witness cosigned it (proof empty), and for each configured witness
 *       the latest checkpoint it cosigned at or below {@code treeSize}; largest first.
 * </ul>
 */
public final class BundleFormat {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "access-ledger/evidence/v1";

  /** The path of the request the bundle answers, as its {@code AUDIT_QUERY} entry records it. */
  public static final String PATH = "/v1/evidence";

  /** Every top-level field, in the order they are written. */
  public static final List<String> FIELDS = List.of("format", "origin", "verifierKey", "key",
      "requestedBy", "requestedAt", "request", "treeSize", "checkpoint", "completeness",
      "consistency", "entries", "releases");

  /**
   * Top-level fields written only when they have something to say, after {@link #FIELDS}; a
   * verifier reads an absent one as empty: {@code keyRotations}, present when the log rotated its
   * key below {@code treeSize}, and {@code cosigned}, present when a witness cosigned.
   */
  public static final List<String> OPTIONAL_FIELDS = List.of("keyRotations", "cosigned");

  /**
   * The fields of a key rotation: the {@code KEY_ROTATION} entry proven ({@link #ENTRY_FIELDS},
   * its {@code proof} leading to {@code checkpoint}), the note of the first checkpoint covering
   * it, which the old key signed, and the consistency proof from that checkpoint to the bundle's.
   */
  public static final List<String> ROTATION_FIELDS =
      List.of("seq", "leaf", "leafHash", "proof", "checkpoint", "consistency");

  /** The fields of a proven entry. */
  public static final List<String> ENTRY_FIELDS = List.of("seq", "leaf", "leafHash", "proof");

  private BundleFormat() {}

  /**
   * The query parameter that names {@code linkKey}'s history: {@code subject}, {@code actor} or
   * {@code record} (whose value is {@code TYPE/ID}), with its value.
   */
  public static String[] parameterFor(String linkKey) {
    int colon = linkKey.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("not a link key: " + linkKey);
    }
    return new String[] {linkKey.substring(0, colon), linkKey.substring(colon + 1)};
  }
}
