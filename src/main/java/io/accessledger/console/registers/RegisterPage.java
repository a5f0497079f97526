package io.accessledger.console.registers;

import java.util.List;

/**
 * What a register page shows: the filter form, and (unless the filters were refused) every
 * matching item, as the API answers them (the register does not page), with how many are
 * flagged, the CSV link, the signed checkpoint the items are proven in and this view's record.
 *
 * @param error why the filters were refused; null when they were not (then no items are shown)
 * @param errorField the field at fault, for the error summary's link; null if none
 * @param shares the share register's rows (empty on the extract register)
 * @param extracts the extract register's rows (empty on the share register)
 * @param countWords how many items match, in words ("1 decision matches", "3 releases match")
 */
record RegisterPage(
    String title,
    String apiPath,
    List<FilterField> fields,
    String error,
    String errorField,
    List<ShareRow> shares,
    List<ExtractRow> extracts,
    int count,
    String countWords,
    long flaggedCount,
    String csvHref,
    long treeSize,
    String checkpoint,
    long auditSeq,
    List<FlagView.Meaning> key) {

  public RegisterPage {
    fields = List.copyOf(fields);
    shares = List.copyOf(shares);
    extracts = List.copyOf(extracts);
    key = List.copyOf(key);
  }

  /** Whether this is the share register (else the extract register). */
  public boolean sharesRegister() {
    return apiPath.endsWith("/shares");
  }

  /** Whether the page lists items (the filters were accepted). */
  public boolean listed() {
    return error == null;
  }
}
