/**
 * The log's signing keys over time: the {@code KEY_ROTATION} entries that announce a new key
 * ({@link io.accessledger.ledger.keys.KeyRotationEntries}), the history they form ({@link
 * io.accessledger.ledger.keys.KeyHistory}) and the rule saying which key must sign a checkpoint of
 * a given size. Pure: no storage, no clock, no files. Trust in a later key comes only from an
 * entry, in the log, covered by a checkpoint that the earlier key signed.
 */
package io.accessledger.ledger.keys;
