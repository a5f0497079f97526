package io.accessledger.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One key of {@code GET /v1/log}'s {@code verifierKeys}: the verifier key, the first tree size it
 * signed, and the last, or null while it still signs (the current key, and the old key during a
 * rotation's transition).
 */
public record KeyUse(
    String key, long firstSize, @JsonInclude(JsonInclude.Include.ALWAYS) Long lastSize) {}
