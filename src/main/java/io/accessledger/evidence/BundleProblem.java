package io.accessledger.evidence;

/** Why a bundle failed verification: each failure names exactly one. */
public enum BundleProblem {
  /** Not a bundle of this format: bad JSON, a missing, unknown or mistyped field. */
  MALFORMED("the file is not a well-formed evidence bundle"),
  /** The bundle names another log or key than the one the verifier trusts. */
  WRONG_KEY("the bundle is from another log or key than the one given"),
  /**
   * The bundle is signed by a later key than the one given, and its key rotations do not lead
   * there from it: a rotation not signed by its old key, not proven in the log, or missing.
   */
  KEY_ROTATION("the key rotations do not lead from the key given to the key that signs the bundle"),
  /** The signed checkpoint is malformed, not signed by the key, or not the stated tree size. */
  CHECKPOINT("the checkpoint is not validly signed by the key"),
  /** The completeness statement is malformed, unsigned, or about another key or tree. */
  COMPLETENESS("the completeness statement is not validly signed for this history and tree"),
  /** A {@code leafHash} is not the hash of its {@code leaf}. */
  LEAF_HASH("an entry's leaf does not match its hash"),
  /** An inclusion proof does not lead to the checkpoint's root. */
  PROOF("an inclusion proof does not match the signed tree"),
  /** A leaf does not decode, or holds another seq than it is presented as. */
  BAD_LEAF("an entry's leaf is not a valid leaf of its seq"),
  /** An entry does not name the history's key. */
  NOT_IN_HISTORY("an entry is not part of this history"),
  /** Entries are not in ascending seq order, or one is repeated. */
  OUT_OF_ORDER("the entries are not in order"),
  /** An entry's link skips over entries: the history has a hole. */
  GAP("entries were left out of the history"),
  /** The history stops before the head the log signed. */
  TRUNCATED("the history stops before its latest entry"),
  /** An extract release is missing, not proven, or does not match its subject entries. */
  RELEASE("an extract release is missing or does not match"),
  /** The entry recording the request is missing, not proven, or does not match the bundle. */
  REQUEST("the record of who asked for the bundle does not match"),
  /** The checkpoint given with --since is not a checkpoint signed by the key. */
  SAVED_CHECKPOINT("the saved checkpoint is not validly signed by the key"),
  /** The saved checkpoint is of a larger tree than the bundle's: the log shrank. */
  ROLLED_BACK("the log was rolled back since the saved checkpoint"),
  /** The log signed a tree at the saved size that is not the saved one, or did not only grow. */
  FORK("the log is not an extension of the saved checkpoint"),
  /** The bundle carries no consistency proof from the saved checkpoint's size. */
  NO_CONSISTENCY_PROOF("the bundle cannot show the log only grew since the saved checkpoint"),
  /** A witness named with --witness has no cosignature in the bundle. */
  NO_COSIGNATURE("the bundle carries no cosignature from a witness you named"),
  /** A cosignature from a witness named with --witness does not verify. */
  COSIGNATURE("a witness's cosignature in the bundle does not verify"),
  /** A cosigned checkpoint is not one the bundle's tree extends. */
  COSIGNED_FORK("a checkpoint the witnesses cosigned is not one the bundle's tree extends");

  private final String meaning;

  BundleProblem(String meaning) {
    this.meaning = meaning;
  }

  /** What the problem means, in plain words. */
  public String meaning() {
    return meaning;
  }
}
