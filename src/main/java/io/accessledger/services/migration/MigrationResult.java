package io.accessledger.services.migration;

import io.accessledger.store.StoredCheckpoint;

/**
 * What a finished migration copied, after the target verified with the same key and the same
 * latest signed checkpoint as the source.
 *
 * @param entries the leaves copied (the tree size of both ledgers)
 * @param checkpoints the signed checkpoints copied, each with its note unchanged
 * @param clients the API clients copied, revoked ones included
 * @param latest the latest checkpoint of both ledgers: the same note, so the same root
 */
public record MigrationResult(long entries, long checkpoints, int clients,
    StoredCheckpoint latest) {}
