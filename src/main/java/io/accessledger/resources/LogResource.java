package io.accessledger.resources;

import com.codahale.metrics.annotation.Timed;
import io.accessledger.api.ApiException;
import io.accessledger.auth.Roles;
import io.accessledger.query.CosignedCheckpoints;
import io.accessledger.query.LedgerQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The log itself: its identity and size, the latest checkpoint, single entries with inclusion
 * proofs, and consistency proofs. Each read is recorded first ({@link ReadAudit}).
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class LogResource {
  static final String TLOG_PROOF = "text/plain; charset=utf-8";

  private final LedgerQueries queries;
  private final CosignedCheckpoints cosigned;
  private final ReadAudit audit;

  LogResource(LedgerQueries queries, CosignedCheckpoints cosigned, ReadAudit audit) {
    this.queries = queries;
    this.cosigned = cosigned;
    this.audit = audit;
  }

  @GET
  @Path("log")
  @Timed
  @RolesAllowed({Roles.INGEST, Roles.AUDITOR, Roles.INVESTIGATOR, Roles.ADMIN})
  public Response log(@Context SecurityContext security, @Context UriInfo uri) {
    return audit.run(security, uri, Set.of(), () -> { }, queries::log);
  }

  @GET
  @Path("checkpoint")
  @Produces(MediaType.TEXT_PLAIN)
  @Timed
  @RolesAllowed({Roles.AUDITOR, Roles.INVESTIGATOR})
  public Response checkpoint(@Context SecurityContext security, @Context UriInfo uri,
      @QueryParam("cosigned") String cosignedText) {
    boolean wanted = "true".equals(cosignedText);
    if (cosignedText != null && !wanted && !"false".equals(cosignedText)) {
      throw ApiException.malformed("cosigned must be true or false, got " + cosignedText);
    }
    return audit.run(security, uri, Set.of("cosigned"),
        () -> {
          if (wanted) {
            cosigned.requireCosigned(); // 404 before the read is recorded
          }
        },
        () -> wanted ? cosigned.latestCosigned() : cosigned.latest());
  }

  @GET
  @Path("entries/{seq}")
  @Timed
  @RolesAllowed({Roles.AUDITOR, Roles.INVESTIGATOR})
  public Response entry(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("seq") String seqText,
      @QueryParam("treeSize") String treeSizeText) {
    return entryRead(security, uri, seqText, treeSizeText, queries::entry);
  }

  /**
   * The entry's inclusion proof in the C2SP {@code tlog-proof} text format (c2sp.org/tlog-proof@v1),
   * against the latest checkpoint or the one signed at {@code treeSize}. Checked and audited exactly
   * like {@link #entry}. UTF-8 is named because the note's signature lines hold an em dash.
   */
  @GET
  @Path("entries/{seq}/tlog-proof")
  @Produces(TLOG_PROOF)
  @Timed
  @RolesAllowed({Roles.AUDITOR, Roles.INVESTIGATOR})
  public Response tlogProof(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("seq") String seqText,
      @QueryParam("treeSize") String treeSizeText) {
    return entryRead(security, uri, seqText, treeSizeText,
        (seq, treeSize) -> queries.tlogProof(seq, treeSize).format());
  }

  /** A read of one entry, optionally in the tree signed at {@code treeSize}: checked, audited. */
  private Response entryRead(SecurityContext security, UriInfo uri, String seqText,
      String treeSizeText, BiFunction<Long, Long, Object> answer) {
    long seq = number("seq", seqText);
    Long treeSize = treeSizeText == null ? null : number("treeSize", treeSizeText);
    return audit.run(security, uri, Set.of("treeSize"),
        () -> queries.checkEntry(seq, treeSize), () -> answer.apply(seq, treeSize));
  }

  @GET
  @Path("proofs/consistency")
  @Timed
  @RolesAllowed({Roles.AUDITOR, Roles.INVESTIGATOR})
  public Response consistency(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @QueryParam("from") String fromText,
      @QueryParam("to") String toText) {
    if (fromText == null || toText == null) {
      throw ApiException.malformed("both from and to are required tree sizes");
    }
    long from = number("from", fromText);
    long to = number("to", toText);
    return audit.run(security, uri, Set.of("from", "to"),
        () -> queries.checkConsistency(from, to), () -> queries.consistency(from, to));
  }

  private static long number(String name, String text) {
    try {
      long value = Long.parseLong(text);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // fall through to the one message below
    }
    throw ApiException.malformed(name + " must be a non-negative integer, got " + text);
  }
}
