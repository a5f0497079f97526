package io.accessledger.entries;

/**
 * An entry of a type this version does not know, or with no type: only its {@link Header} is
 * read, so a reader can show when and by whom, and nothing else slips past it.
 */
public record OtherEvent(Header header) implements LedgerEvent {}
