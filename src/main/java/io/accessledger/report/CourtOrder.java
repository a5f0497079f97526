package io.accessledger.report;

/** The court order a share decision relied on: which court, its reference, its date. */
public record CourtOrder(String court, String reference, String date) {}
