package io.accessledger.audit;

import java.time.Instant;

/** The parts of a {@code VIEW} entry the rules read. */
record ViewEntry(
    long seq,
    String actor,
    String role,
    String team,
    String subject,
    String record,
    Instant at,
    boolean breakGlass,
    String reason) {}
