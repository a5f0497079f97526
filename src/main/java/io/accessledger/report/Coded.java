package io.accessledger.report;

/**
 * A value from one of the events' fixed lists ({@code decision}, {@code grounds}, {@code consent},
 * an entry type) with what it means in plain English. {@code label} is the code itself for a
 * value this version does not know.
 */
public record Coded(String code, String label) {}
