package io.accessledger.console.audits;

import io.accessledger.api.ApiException;

/**
 * Which page of a run's findings to show: {@code page} (from 1), or the page that holds finding
 * {@code at} (after a review, or from a link to one finding). A month of a large ledger can have
 * tens of thousands of findings, each with its review form; {@link #SIZE} a page keeps a page
 * quick to send and to read.
 *
 * @param at a finding's id, or null
 */
record ResultsPage(int page, String at) {
  /** Findings a page. */
  static final int SIZE = 100;
  static final ResultsPage FIRST = new ResultsPage(1, null);

  /**
   * The page the parameters ask for.
   *
   * @throws ApiException 400 if {@code page} is not a whole number from 1
   */
  static ResultsPage parse(String page, String at) {
    int number = 1;
    if (page != null && !page.isEmpty()) {
      try {
        number = Integer.parseInt(page);
      } catch (NumberFormatException e) {
        number = 0;
      }
      if (number < 1) {
        throw ApiException.malformed("The parameter page must be a whole number from 1, such as"
            + " 2.");
      }
    }
    return new ResultsPage(number, at == null || at.isBlank() ? null : at);
  }

  /** The page of the {@code index}-th (from 0) finding shown. */
  static int pageOf(int index) {
    return index / SIZE + 1;
  }
}
