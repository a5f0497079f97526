package io.accessledger.report;

/** Who received shared or extracted information: an organisation, and the role there if given. */
public record Recipient(String organisation, String role) {}
