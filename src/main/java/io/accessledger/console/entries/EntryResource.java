package io.accessledger.console.entries;

import io.accessledger.api.ApiException;
import io.accessledger.api.EntryAnswer;
import io.accessledger.auth.Roles;
import io.accessledger.console.entries.describe.EntryDescriber;
import io.accessledger.console.session.ConsoleSession;
import io.accessledger.console.web.ConsoleDates;
import io.accessledger.console.web.ConsoleReads;
import io.accessledger.console.web.ConsoleRequest;
import io.accessledger.console.web.Page;
import io.accessledger.query.LedgerQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code GET /console/entries/{seq}}, for auditors and investigators: one entry, what it says in
 * plain English, whom it names and the previous entry of each chain it is in, and its leaf,
 * leaf hash, inclusion proof and signed checkpoint with how to check them independently.
 *
 * <p>A recorded read, exactly as {@code GET /v1/entries/{seq}} is: the seq is checked first (not
 * a number: 400; beyond the signed tree: 404; nothing written), then the {@code AUDIT_QUERY} is
 * appended with the API's path, then the entry is read through the same {@link LedgerQueries}
 * call, in the latest signed tree, which covers that record.
 */
@Path("entries")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.AUDITOR, Roles.INVESTIGATOR})
public final class EntryResource {
  private final LedgerQueries queries;
  private final ConsoleReads reads;
  private final EntryViews views;

  public EntryResource(LedgerQueries queries, EntryDescriber describer, ConsoleReads reads,
      ConsoleDates dates) {
    this.queries = queries;
    this.reads = reads;
    this.views = new EntryViews(describer, dates);
  }

  @GET
  @Path("{seq}")
  public Page entry(@Context ContainerRequestContext request, @PathParam("seq") String seqText) {
    long seq = seq(seqText);
    queries.checkEntry(seq, null);
    ConsoleSession session = ConsoleRequest.session(request);
    long auditSeq = reads.record(session, "/v1/entries/" + seqText, Map.of()).seq();
    EntryAnswer answer = queries.entry(seq, null);
    return new Page("entry", "Entry " + seq, views.of(answer, queries.log(), auditSeq));
  }

  /** The seq as the API reads it: a non-negative integer, or 400 naming it. */
  private static long seq(String text) {
    try {
      long value = Long.parseLong(text);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // the one message below
    }
    throw ApiException.malformed("seq must be a non-negative integer, got " + text);
  }
}
