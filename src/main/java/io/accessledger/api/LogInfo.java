package io.accessledger.api;

/** {@code GET /v1/log}: the log's checkpoint origin, its verifier key and its signed tree size. */
public record LogInfo(String origin, String verifierKey, long treeSize) {}
