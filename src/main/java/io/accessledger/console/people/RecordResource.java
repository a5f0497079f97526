package io.accessledger.console.people;

import io.accessledger.auth.Roles;
import io.accessledger.console.session.ConsoleSession;
import io.accessledger.console.web.ConsoleDates;
import io.accessledger.console.web.ConsoleLinks;
import io.accessledger.console.web.ConsoleReads;
import io.accessledger.console.web.ConsoleRequest;
import io.accessledger.console.web.Page;
import io.accessledger.entries.View;
import io.accessledger.ledger.leaf.LinkKeys;
import io.accessledger.query.LinkedEntries;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /console/records/{type}/{id}}: every view of one record (a case note, an
 * assessment...), as a table, a page of 100 newest first ({@code before}/{@code after} an entry
 * number), with who viewed it and which child it is about. With {@code /evidence}, the record's
 * evidence bundle.
 *
 * <p>Recorded as the API records the same history, {@code /v1/records/{type}/{id}/events}, with
 * the page's parameters, once they are checked and before anything is read. A record no entry
 * names has an empty history.
 */
@Path("records/{type}/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.AUDITOR, Roles.INVESTIGATOR})
public final class RecordResource {
  private final LinkedEntries linked;
  private final EvidenceDownload evidence;
  private final ConsoleReads reads;
  private final ConsoleDates dates;

  public RecordResource(LedgerServices services, ConsoleReads reads, ConsoleDates dates) {
    this.linked = services.linkedEntries();
    this.evidence = new EvidenceDownload(services.evidence(), reads);
    this.reads = reads;
    this.dates = dates;
  }

  @GET
  public Page record(@Context ContainerRequestContext request, @Context UriInfo uri,
      @PathParam("type") String type, @PathParam("id") String id) {
    PageRequest.checkId("the record's type", type);
    PageRequest.checkId("the record's id", id);
    PageRequest page = PageRequest.parse(uri.getQueryParameters());
    ConsoleSession session = ConsoleRequest.session(request);
    long auditSeq = reads.record(session, "/v1/records/" + type + "/" + id + "/events",
        page.parameters()).seq();

    Set<String> viewers = new HashSet<>();
    Set<String> children = new HashSet<>();
    long[] views = {0};
    LinkedEntries.Page read = linked.read(LinkKeys.recordKey(type, id), page.window(), entry -> {
      if (View.TYPE.equals(entry.type())) {
        views[0]++;
        if (entry.actor() != null) {
          viewers.add(entry.actor());
        }
        if (entry.subject() != null) {
          children.add(entry.subject());
        }
      }
    });
    List<EntryRow> rows = read.entries().stream().map(e -> EntryRow.of(e, dates)).toList();
    String href = ConsoleLinks.record(type, id);
    return new Page("record", "Record " + type + "/" + id, new RecordPage(type, id, auditSeq,
        views[0], viewers.size(), children.size(), Pager.of(href, read, page), rows,
        href + "/evidence"));
  }

  /** {@code GET /console/records/{type}/{id}/evidence}: the record's evidence bundle. */
  @GET
  @Path("evidence")
  @Produces(MediaType.APPLICATION_JSON)
  public Response evidence(@Context ContainerRequestContext request, @Context UriInfo uri,
      @PathParam("type") String type, @PathParam("id") String id) {
    return evidence.download(ConsoleRequest.session(request), "record", type + "/" + id,
        uri.getQueryParameters());
  }
}
