package io.accessledger.report;

import io.accessledger.entries.ExtractRelease;
import io.accessledger.entries.Header;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.entries.Person;
import io.accessledger.entries.ShareDecision;
import io.accessledger.entries.View;
import io.accessledger.events.LegalBasis;
import io.accessledger.events.LegalBasisVocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * The items of one report, each made from a typed entry: staff named by the report's {@link
 * StaffNamer}, legal bases given their labels from the vocabulary, codes their words. What an
 * entry does not give is null in the item. Never puts another child's id in an item: a share
 * decision's other subjects are not read. Not thread-safe: one per report, as its namer.
 */
final class ReportItems {
  private final LegalBasisVocabulary vocabulary;
  private final StaffNamer namer;

  ReportItems(LegalBasisVocabulary vocabulary, StaffNamer namer) {
    this.vocabulary = vocabulary;
    this.namer = namer;
  }

  ViewItem view(View view, Proven item) {
    Header header = view.header();
    return new ViewItem(header.occurredAt(), namer.name(header.actor()), view.record().type(),
        view.record().id(), header.purpose(), view.breakGlass(), view.reason().orElse(null),
        grounds(header), item.ref());
  }

  ShareItem share(ShareDecision share, Proven item) {
    Header header = share.header();
    Person actor = header.actor();
    return new ShareItem(header.occurredAt(), Wording.decision(share.decision()),
        recipient(share.recipient()), Wording.grounds(share.grounds()),
        Wording.consent(share.consent()), share.consentReason(), share.dataShared(),
        header.purpose(), share.rationale(), namer.name(actor),
        namer.name(sameAsActor(share.decidedBy(), actor)),
        share.approvedBy().map(approver -> namer.name(sameAsActor(approver, actor))).orElse(null),
        share.subjectInformed().orElse(null), share.notInformedReason().orElse(null),
        share.courtOrder().map(o -> new CourtOrder(o.court(), o.reference(), o.date()))
            .orElse(null),
        grounds(header), item.ref());
  }

  /** The child's {@code EXTRACT_SUBJECT} entry {@code item}, told by its {@code release}. */
  ExtractItem extract(Proven item, ExtractRelease release, Proven releaseEntry) {
    Header header = release.header();
    Person actor = header.actor();
    return new ExtractItem(header.occurredAt(), recipient(release.recipient()),
        release.agreement(), release.dataset().name(), release.dataset().categories(),
        Boolean.TRUE.equals(release.dataset().pseudonymised()), release.dataset().periodFrom(),
        release.dataset().periodTo(), header.purpose(), namer.name(actor),
        release.approvedBy().map(approver -> namer.name(sameAsActor(approver, actor)))
            .orElse(null),
        grounds(header), item.ref(), releaseEntry.ref());
  }

  /**
   * Any other entry: only the fields every entry has, so that a type this version does not know
   * cannot put a staff id past the naming policy.
   */
  OtherItem other(LedgerEvent event, Proven item) {
    Header header = event.header();
    return new OtherItem(header.occurredAt(), Wording.entryType(header.type()),
        namer.name(header.actor()), header.purpose(), grounds(header), item.ref());
  }

  /**
   * {@code person}, and when they are the event's actor, given the actor's role, team and name
   * where they give none of their own (a {@code decidedBy} holding only an id): the same person.
   */
  static Person sameAsActor(Person person, Person actor) {
    if (person.id() == null || !person.id().equals(actor.id())) {
      return person;
    }
    return new Person(person.id(), person.role().or(actor::role), person.team().or(actor::team),
        person.displayName().or(actor::displayName));
  }

  private List<Ground> grounds(Header header) {
    List<Ground> grounds = new ArrayList<>(header.legalBasis().size());
    for (String code : header.legalBasis()) {
      LegalBasis basis = vocabulary.find(code).orElse(null);
      grounds.add(basis == null ? new Ground(code, null, null)
          : new Ground(code, basis.label(), basis.uri()));
    }
    return grounds;
  }

  private static Recipient recipient(io.accessledger.entries.Recipient recipient) {
    return recipient.equals(io.accessledger.entries.Recipient.NONE) ? null
        : new Recipient(recipient.organisation(), recipient.role().orElse(null));
  }
}
