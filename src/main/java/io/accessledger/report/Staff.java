package io.accessledger.report;

/**
 * A member of staff (or an API client, for checks of the log) as a report shows them under its
 * {@link StaffNames} policy. {@code role} and {@code team} are always given when the event had
 * them; {@code id} and {@code name} only under {@link StaffNames#SHOW} ({@code name} is the
 * event's {@code displayName}, null when it had none); {@code pseudonym} only under
 * {@link StaffNames#PSEUDONYM}.
 */
public record Staff(String role, String team, String id, String name, String pseudonym) {}
