package io.accessledger.console.entries.describe;

import static io.accessledger.console.entries.describe.Phrases.day;
import static io.accessledger.console.entries.describe.Phrases.list;
import static io.accessledger.console.entries.describe.Phrases.or;
import static io.accessledger.console.entries.describe.Phrases.person;
import static io.accessledger.console.entries.describe.Phrases.who;
import static io.accessledger.console.entries.describe.Phrases.quoted;

import io.accessledger.entries.CourtOrder;
import io.accessledger.entries.Header;
import io.accessledger.entries.Person;
import io.accessledger.entries.Recipient;
import io.accessledger.entries.ShareDecision;
import io.accessledger.report.Coded;
import io.accessledger.report.Wording;
import java.util.Objects;

/**
 * A {@code SHARE_DECISION} in words: who recorded a decision to share what about which children
 * with whom, on what grounds and why consent was not relied on, who decided and who approved (or
 * that no second person did), the court order, whether the family was told, and the legal bases.
 * The codes take the words a subject access report gives them ({@link Wording}).
 */
final class ShareWords {
  private ShareWords() {}

  static String of(ShareDecision share, Phrases phrases) {
    Header header = share.header();
    StringBuilder s = new StringBuilder(who(header.actor()));
    s.append(" recorded a decision ").append(phrases.when(header)).append(' ')
        .append(label(Wording.decision(share.decision()), "(whether to share is not stated)"))
        .append(' ').append(share.dataShared().isEmpty() ? "information" : list(share.dataShared()))
        .append(" about ")
        .append(share.subjects().isEmpty() ? "no child named" : list(share.subjects()))
        .append(" with ").append(recipient(share.recipient()))
        .append(", on the grounds of ")
        .append(label(Wording.grounds(share.grounds()), "(no grounds recorded)")).append(". ");
    String consent = label(Wording.consent(share.consent()), "no reason for not relying on consent is recorded");
    s.append(Wording.capitalised(consent));
    if (share.consentReason() != null) {
      s.append(": ").append(quoted(share.consentReason()));
    }
    s.append(". Decided by ").append(person(share.decidedBy())).append("; ")
        .append(approval(share)).append(". Rationale: ").append(quoted(share.rationale()))
        .append('.');
    share.courtOrder().ifPresent(order -> s.append(' ').append(courtOrder(order)));
    share.subjectInformed().ifPresent(told -> s.append(told
        ? " The child or family was told."
        : " The child or family was not told, because "
            + quoted(share.notInformedReason().orElse(null)) + "."));
    return s.append(" Recorded ").append(phrases.why(header)).append('.').toString();
  }

  static String recipient(Recipient recipient) {
    return or(recipient.organisation(), "a recipient not named")
        + recipient.role().map(role -> " (" + role + ")").orElse("");
  }

  private static String approval(ShareDecision share) {
    if (share.approvedBy().isEmpty()) {
      return "no approval is recorded";
    }
    Person approver = share.approvedBy().get();
    boolean self = approver.id() != null && Objects.equals(approver.id(), share.decidedBy().id());
    return "approved by " + person(approver)
        + (self ? ", the person who decided (no second person approved it)" : "");
  }

  private static String courtOrder(CourtOrder order) {
    return "It rests on court order " + or(order.reference(), "(no reference recorded)") + " of "
        + or(order.court(), "a court not named") + ", dated " + day(order.date()) + ".";
  }

  private static String label(Coded coded, String absent) {
    return coded == null ? absent : coded.label();
  }
}
