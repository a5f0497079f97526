package io.accessledger.report;

/**
 * One legal basis an event cites: its code, and the label and legislation URI the legal-basis
 * vocabulary gives it. {@code label} and {@code uri} are null for a code the vocabulary does not
 * hold (a local code since removed from the configuration); {@code uri} is also null where no
 * single provision exists.
 */
public record Ground(String code, String label, String uri) {}
