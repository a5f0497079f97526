package io.accessledger.console.entries.describe;

import io.accessledger.entries.KeyRotationEvent;

/**
 * A {@code KEY_ROTATION} entry in words: the log announced a new signing key, which an
 * investigator holding the old key can now trust through this entry.
 */
final class KeyRotationWords {
  private KeyRotationWords() {}

  static String of(KeyRotationEvent rotation, Phrases phrases) {
    return "The ledger rotated its signing key " + phrases.when(rotation.header())
        + ": checkpoints from this entry on are signed by the new key "
        + Phrases.or(rotation.newKey(), "(not named)") + ", which the old key "
        + Phrases.or(rotation.oldKey(), "(not named)") + " announced by signing the checkpoint"
        + " that covers this entry. Anyone holding the old key can check bundles signed by the"
        + " new one.";
  }
}
