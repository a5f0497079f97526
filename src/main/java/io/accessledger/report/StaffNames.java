package io.accessledger.report;

/**
 * How a subject access report names members of staff ({@code accessReport.staffNames} in
 * {@code config.yml}). Whatever the policy, a person's role and team are always shown, because a
 * family is entitled to know what kind of person looked and from which part of the service.
 */
public enum StaffNames {
  /** The name ({@code displayName}) and staff id, as the records system gave them. */
  SHOW,
  /**
   * Role and team only (the default): no name, no id, and nothing that tells two people of one
   * role apart. Suits a report handed over before the DPO has reviewed staff names.
   */
  ROLE_ONLY,
  /**
   * Role and team, and a label per person that holds within one report ("Social worker A"), so a
   * family can tell that two views were by the same person without learning who. Labels are given
   * afresh in every report: they cannot be matched across reports.
   */
  PSEUDONYM
}
