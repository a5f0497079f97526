package io.accessledger.console.people;

import io.accessledger.auth.Roles;
import io.accessledger.console.session.ConsoleSession;
import io.accessledger.console.web.ConsoleDates;
import io.accessledger.console.web.ConsoleLinks;
import io.accessledger.console.web.ConsoleReads;
import io.accessledger.console.web.ConsoleRequest;
import io.accessledger.console.web.Page;
import io.accessledger.entries.Person;
import io.accessledger.ledger.leaf.LinkKeys;
import io.accessledger.query.LedgerActivity;
import io.accessledger.query.LinkedEntries;
import io.accessledger.query.NeedToKnowAudits;
import io.accessledger.services.LedgerServices;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /console/actors/{id}}: a member of staff's history (what they viewed, and anything
 * else they did), a page of 100 entries newest first ({@code before}/{@code after} an entry
 * number), the distinct children they viewed per day, and their views by weekday and hour against
 * the audit's working hours, as charts with tables; for auditors, links to the findings about them
 * in the audit runs this process remembers (or to the audit page, to run one). With
 * {@code /evidence}, their evidence bundle.
 *
 * <p>Recorded as the API records the same history, {@code /v1/actors/{id}/events}, with the page's
 * parameters, once they are checked and before anything is read. A member of staff no entry names
 * has an empty history.
 */
@Path("actors/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.AUDITOR, Roles.INVESTIGATOR})
public final class ActorResource {
  private final LinkedEntries linked;
  private final LedgerActivity activity;
  private final NeedToKnowAudits audits;
  private final EvidenceDownload evidence;
  private final ConsoleReads reads;
  private final ConsoleDates dates;

  public ActorResource(LedgerServices services, ConsoleReads reads, ConsoleDates dates) {
    this.linked = services.linkedEntries();
    this.activity = services.activity();
    this.audits = services.needToKnowAudits();
    this.evidence = new EvidenceDownload(services.evidence(), reads);
    this.reads = reads;
    this.dates = dates;
  }

  @GET
  public Page actor(@Context ContainerRequestContext request, @Context UriInfo uri,
      @PathParam("id") String id) {
    PageRequest.checkId("the staff id", id);
    PageRequest page = PageRequest.parse(uri.getQueryParameters());
    ConsoleSession session = ConsoleRequest.session(request);
    long auditSeq = reads.record(session, "/v1/actors/" + id + "/events", page.parameters())
        .seq();

    StaffActivity staff = new StaffActivity(dates, audits.policy());
    LinkedEntries.Page read = linked.read(LinkKeys.actorKey(id), page.window(), staff);
    List<EntryRow> rows = read.entries().stream().map(e -> EntryRow.of(e, dates)).toList();
    ActorFindings findings = null;
    if (session.isAuditor()) {
      activity.catchUp(read.treeSize()); // the runs up to the tree this page read
      findings = ActorFindings.about(id, activity, audits, dates);
    }
    // Who they are, as their newest view says: on this page, or read on its own.
    Person self = read.entries().stream().filter(e -> e.seq() == staff.newestView()).findFirst()
        .or(() -> staff.newestView() < 0 ? Optional.empty()
            : linked.entries(LinkKeys.actorKey(id), List.of(staff.newestView())).stream()
                .findFirst())
        .map(e -> e.event().header().actor()).orElse(Person.NONE);
    String href = ConsoleLinks.actor(id);
    return new Page("actor", "Member of staff " + id, new ActorPage(id,
        self.displayName().orElse(null), self.role().orElse(null), self.team().orElse(null),
        auditSeq, read.total(), staff.views(), staff.outOfHoursViews(), staff.workingHours(),
        Pager.of(href, read, page), rows, staff.childrenChart(), staff.days(), staff.heatMap(),
        staff.weekdays(), findings, href + "/evidence"));
  }

  /** {@code GET /console/actors/{id}/evidence}: their evidence bundle ({@link EvidenceDownload}). */
  @GET
  @Path("evidence")
  @Produces(MediaType.APPLICATION_JSON)
  public Response evidence(@Context ContainerRequestContext request, @Context UriInfo uri,
      @PathParam("id") String id) {
    return evidence.download(ConsoleRequest.session(request), "actor", id,
        uri.getQueryParameters());
  }
}
