package io.accessledger.store;

import java.util.Objects;

/**
 * A witness's cosignature of the log's checkpoint of {@code treeSize}, as stored: the signature
 * line exactly as the witness answered it ({@code "— <name> <base64(key ID || timestamp ||
 * signature)>"}, without its newline). The store does not check it: whoever stores one MUST have
 * verified it against the checkpoint body and the witness's key (the line is self-verifying, so a
 * reader can check it again at any time).
 *
 * @param treeSize the size of the cosigned checkpoint
 * @param cosigner the witness key that made it
 * @param line the signature line, without its newline
 */
public record StoredCosignature(long treeSize, CosignerId cosigner, String line) {
  public StoredCosignature {
    if (treeSize < 0) {
      throw new IllegalArgumentException("tree size must be >= 0, got " + treeSize);
    }
    Objects.requireNonNull(cosigner, "cosigner");
    Objects.requireNonNull(line, "line");
    if (!line.startsWith("\u2014 " + cosigner.name() + " ") || line.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a cosignature line starts with an em dash, a space and"
          + " the witness's key name, and holds no newline");
    }
  }
}
