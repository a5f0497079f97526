package io.accessledger.auth;

/**
 * The external names of the {@link Role}s as compile-time constants, for
 * {@code @RolesAllowed({Roles.AUDITOR, Roles.INVESTIGATOR})} on resources (annotation values cannot
 * call {@link Role#externalName()}).
 */
public final class Roles {
  /** A records system posting events for its own source system. */
  public static final String INGEST = "ingest";
  /** The DPO and information governance: audits, registers, subject access reports. */
  public static final String AUDITOR = "auditor";
  /** An outside investigator (ICO, disciplinary panel) reading evidence and proofs. */
  public static final String INVESTIGATOR = "investigator";
  /** Operations of the service itself. */
  public static final String ADMIN = "admin";

  private Roles() {}
}
