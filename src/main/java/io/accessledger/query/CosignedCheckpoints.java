package io.accessledger.query;

import io.accessledger.api.ApiException;
import io.accessledger.store.CosignerId;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredCosignature;
import java.util.List;
import java.util.OptionalLong;

/**
 * Checkpoints with the witnesses' cosignatures gathered for them (contract section 8): the note as
 * the log signed it, then one line per stored cosignature, so it stays a C2SP signed note that any
 * verifier of the log's key accepts (it ignores lines from keys it does not know), and that a
 * client who trusts the witnesses can check further.
 *
 * <p>Every stored cosignature was verified against its checkpoint and its witness's configured key
 * before it was stored; each is still checkable by anyone, so none is re-checked here.
 */
public final class CosignedCheckpoints {
  private final LedgerStore store;
  private final LedgerQueries queries;
  private final List<CosignerId> witnesses;

  /**
   * @param witnesses the configured witnesses: {@link #latestCosigned} needs every one of them
   */
  public CosignedCheckpoints(LedgerStore store, LedgerQueries queries, List<CosignerId> witnesses) {
    this.store = store;
    this.queries = queries;
    this.witnesses = List.copyOf(witnesses);
  }

  /** The latest checkpoint ({@link LedgerQueries#checkpoint}), with any cosignatures of it. */
  public String latest() {
    return withCosignatures(queries.checkpoint());
  }

  /** The configured witnesses, as the store names their cosignatures. */
  public List<CosignerId> witnesses() {
    return witnesses;
  }

  /**
   * The size of the latest checkpoint every configured witness cosigned, if any.
   *
   * @throws ApiException 404 if there is none yet, or no witness is configured
   */
  public long requireCosigned() {
    if (witnesses.isEmpty()) {
      throw ApiException.notFound("no witness is configured, so no checkpoint is cosigned;"
          + " ask for the checkpoint without cosigned=true");
    }
    OptionalLong size = store.latestCosignedSize(witnesses, Long.MAX_VALUE);
    if (size.isEmpty()) {
      throw ApiException.notFound("no checkpoint is cosigned by every configured witness yet ("
          + witnesses.size() + " configured); ask again later, or without cosigned=true");
    }
    return size.getAsLong();
  }

  /** The latest checkpoint every configured witness cosigned, with its cosignatures. */
  public String latestCosigned() {
    return withCosignatures(queries.signedAt(requireCosigned()));
  }

  /** {@code checkpoint}'s note followed by every cosignature stored for it. */
  public String withCosignatures(StoredCheckpoint checkpoint) {
    return withLines(checkpoint.note(), store.cosignatures(checkpoint.size()));
  }

  static String withLines(String note, List<StoredCosignature> cosignatures) {
    StringBuilder cosigned = new StringBuilder(note);
    for (StoredCosignature cosignature : cosignatures) {
      cosigned.append(cosignature.line()).append('\n');
    }
    return cosigned.toString();
  }
}
