package io.accessledger.api;

import java.util.List;

/**
 * {@code GET /v1/log}: the log's checkpoint origin, its current verifier key, its signed tree
 * size, and every key it has signed with, oldest first (contract section 8).
 */
public record LogInfo(
    String origin, String verifierKey, long treeSize, List<KeyUse> verifierKeys) {
  public LogInfo {
    verifierKeys = List.copyOf(verifierKeys);
  }
}
