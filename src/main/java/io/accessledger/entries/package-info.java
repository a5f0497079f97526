/**
 * The typed event model: one immutable record per entry type the ledger holds, read once from a
 * decoded leaf by {@link io.accessledger.entries.EventParser}, so that every reader of the log
 * (registers, need-to-know audits, access reports, bundle summaries, queries) sees the same
 * values under the same rules.
 *
 * <h2>How a leaf's event reads</h2>
 *
 * Ingest validates every event it accepts, but this model reads whatever the log holds (a leaf
 * stored before a rule existed, or an entry the ledger wrote itself), and it MUST NOT fail on
 * one: a register, an audit or a report lists what is there. So the parser never throws, and:
 *
 * <ul>
 *   <li><b>One rule for strings.</b> A string field is <em>given</em> when the leaf holds a JSON
 *       string there with at least one character that is not white space ({@link
 *       String#isBlank}, the validator's own test). Absent, blank, JSON {@code null} or a value of
 *       another type all read as <em>not given</em>. The same holds for the elements of a list of
 *       strings: those not given are left out.
 *   <li><b>Optional fields</b> (the contract's "optional" column, or fields only some entries
 *       carry) are {@link java.util.Optional}: empty when not given. An optional object is present
 *       whenever the leaf holds an object there, its own fields read by these rules.
 *   <li><b>Required fields</b> (ingest refuses an event without them) are plain types, so readers
 *       of valid entries need no unwrapping. On an entry ingest never passed, a required string,
 *       number, boolean or time that is not given reads as {@code null}; a required object that is
 *       absent, or not an object, reads as one whose every field is not given (such as {@link
 *       io.accessledger.entries.Person#NONE}); a required list reads as empty. Every reader MUST
 *       therefore treat a null as "not recorded", never dereference one blindly.
 *   <li>Times are kept as written (a report shows them so) and, where a reader compares them, also
 *       as an {@link java.time.Instant} ({@code null} or empty when not an RFC 3339 time).
 *   <li>Codes ({@code decision}, {@code grounds}, {@code consent}, a review's {@code outcome}) stay
 *       strings, as recorded: a code this version does not know is shown, not dropped.
 *   <li>Values that are data rather than fields, an {@code AUDIT_QUERY}'s parameters, are kept
 *       verbatim (a blank parameter is what was asked).
 * </ul>
 *
 * <p>Plain Java: no framework, storage or HTTP types; it depends only on {@code
 * io.accessledger.ledger.leaf} values.
 */
package io.accessledger.entries;
