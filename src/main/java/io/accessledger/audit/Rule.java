package io.accessledger.audit;

/** The need-to-know rules (contract section 5); each can be turned off in configuration. */
public enum Rule {
  /** A view that no allocation explains. */
  NOT_ALLOCATED,
  /** Every break-glass view, with its stated reason. */
  BREAK_GLASS,
  /** A view outside working hours by a viewer not on the out-of-hours rota. */
  OUT_OF_HOURS,
  /** A view long after the subject's case closed, and not reopened since. */
  AFTER_CLOSURE,
  /** Far more distinct subjects in one clock hour than the viewer's own and their role's usual. */
  VOLUME_SPIKE,
  /** A view of a subject on the restricted list by anyone not allocated. */
  RESTRICTED_SUBJECT,
  /** A view of a subject the staff-relationship list links to the viewer. */
  SELF_OR_FAMILY
}
