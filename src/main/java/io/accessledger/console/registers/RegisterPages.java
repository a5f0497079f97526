package io.accessledger.console.registers;

import io.accessledger.api.ApiException;
import io.accessledger.api.RegisterAnswer;
import io.accessledger.auth.Roles;
import io.accessledger.console.web.ConsoleDates;
import io.accessledger.console.web.ConsoleReads;
import io.accessledger.console.web.ConsoleRequest;
import io.accessledger.console.web.Page;
import io.accessledger.query.Registers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /console/registers/shares} and {@code /extracts} (auditors only): the share and
 * extract registers as tables with their flags, filtered as the API filters, and the same
 * registers as CSV ({@code shares.csv}, {@code extracts.csv}).
 *
 * <p>Each view and each download is a recorded read of the API's register: the form's filters
 * are read into the API's parameters and checked as the API checks them (a refused filter
 * answers 400 naming it, and nothing is written), then the {@code AUDIT_QUERY} is appended with
 * the API's path and those parameters, then the register is read through the same service.
 * Every matching item is listed: the API's registers do not page.
 */
@Path("registers")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.AUDITOR)
public final class RegisterPages {
  static final String CSV = "text/csv; charset=utf-8";
  private static final String AUDIT_HEADER = "Ledger-Audit-Seq";

  private final Registers registers;
  private final ConsoleReads reads;
  private final ConsoleDates dates;

  public RegisterPages(Registers registers, ConsoleReads reads, ConsoleDates dates) {
    this.registers = registers;
    this.reads = reads;
    this.dates = dates;
  }

  @GET
  @Path("shares")
  public Response shares(@Context ContainerRequestContext request) {
    return page(RegisterKind.SHARES, request);
  }

  @GET
  @Path("extracts")
  public Response extracts(@Context ContainerRequestContext request) {
    return page(RegisterKind.EXTRACTS, request);
  }

  @GET
  @Path("shares.csv")
  @Produces(CSV)
  public Response sharesCsv(@Context ContainerRequestContext request) {
    return csv(RegisterKind.SHARES, request);
  }

  @GET
  @Path("extracts.csv")
  @Produces(CSV)
  public Response extractsCsv(@Context ContainerRequestContext request) {
    return csv(RegisterKind.EXTRACTS, request);
  }

  private Response page(RegisterKind kind, ContainerRequestContext request) {
    Map<String, List<String>> query = request.getUriInfo().getQueryParameters();
    RegisterFilters filters;
    try {
      filters = RegisterFilters.read(kind, query, dates.zone());
    } catch (RegisterFilters.BadFilter bad) {
      RegisterPage refused = new RegisterPage(kind.title(), kind.apiPath(),
          FilterField.of(kind, firstValues(query), bad.field(), bad.getMessage()),
          bad.getMessage(), bad.field(), List.of(), List.of(), 0, null, 0, null, 0, null, 0,
          key(kind));
      return Response.status(400).entity(new Page("registers", kind.title(), refused)).build();
    }
    long auditSeq = record(kind, filters, request);
    RegisterAnswer answer = kind.read(registers, filters.request());
    List<ShareRow> shares = kind == RegisterKind.SHARES ? RegisterRows.shares(answer, dates) : List.of();
    List<ExtractRow> extracts =
        kind == RegisterKind.EXTRACTS ? RegisterRows.extracts(answer, dates) : List.of();
    int count = answer.items().size();
    long flagged = answer.items().stream().filter(item -> !item.flags().isEmpty()).count();
    String noun = kind == RegisterKind.SHARES ? (count == 1 ? "decision matches" : "decisions match")
        : (count == 1 ? "release matches" : "releases match");
    String csv = "/console/registers/" + (kind == RegisterKind.SHARES ? "shares" : "extracts")
        + ".csv" + (filters.query().isEmpty() ? "" : "?" + filters.query());
    RegisterPage page = new RegisterPage(kind.title(), kind.apiPath(),
        FilterField.of(kind, filters.entered(), null, null), null, null, shares, extracts, count,
        count + " " + noun, flagged, csv, answer.treeSize(), answer.checkpoint(), auditSeq,
        key(kind));
    return Response.ok(new Page("registers", kind.title(), page))
        .header(AUDIT_HEADER, auditSeq).build();
  }

  private Response csv(RegisterKind kind, ContainerRequestContext request) {
    RegisterFilters filters;
    try {
      filters = RegisterFilters.read(kind, request.getUriInfo().getQueryParameters(), dates.zone());
    } catch (RegisterFilters.BadFilter bad) {
      throw ApiException.malformed(bad.getMessage());
    }
    long auditSeq = record(kind, filters, request);
    RegisterAnswer answer = kind.read(registers, filters.request());
    String body = kind == RegisterKind.SHARES ? RegisterCsv.shares(RegisterRows.shares(answer, dates))
        : RegisterCsv.extracts(RegisterRows.extracts(answer, dates));
    return Response.ok(body, CSV)
        .header("Content-Disposition", "attachment; filename=\"" + kind.fileName() + "\"")
        .header(AUDIT_HEADER, auditSeq).build();
  }

  /** Appends the read's {@code AUDIT_QUERY} as the API would; only after the filters passed. */
  private long record(RegisterKind kind, RegisterFilters filters, ContainerRequestContext request) {
    return reads.record(ConsoleRequest.session(request), kind.apiPath(), filters.api()).seq();
  }

  private static List<FlagView.Meaning> key(RegisterKind kind) {
    return kind == RegisterKind.SHARES ? FlagView.SHARE_KEY : FlagView.EXTRACT_KEY;
  }

  /** What the form held, to show it again beside the refusal. */
  private static Map<String, String> firstValues(Map<String, List<String>> query) {
    Map<String, String> entered = new LinkedHashMap<>();
    query.forEach((name, values) -> entered.put(name, values.isEmpty() ? "" : values.get(0)));
    return entered;
  }
}
