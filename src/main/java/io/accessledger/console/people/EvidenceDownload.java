package io.accessledger.console.people;

import io.accessledger.console.session.ConsoleSession;
import io.accessledger.console.web.ConsoleReads;
import io.accessledger.evidence.BundleFormat;
import io.accessledger.ledger.writer.AppendResult;
import io.accessledger.query.EvidenceBundles;
import io.accessledger.query.EvidenceRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An evidence bundle downloaded from the console: exactly the bundle {@code GET /v1/evidence}
 * gives for the same history, recorded exactly as the API records it (path {@code /v1/evidence},
 * the history's parameter and any {@code since}), because the bundle carries that record and a
 * verifier checks it names this very request ({@code verify-bundle}).
 *
 * <p>Unlike the API, where bundles are for auditors, investigators may download them here: the
 * issue gives investigators the evidence in the console, and a bundle holds nothing they cannot
 * already read as a history (with proofs) through the API.
 */
final class EvidenceDownload {
  private static final Set<String> SINCE = Set.of("since");

  private final EvidenceBundles bundles;
  private final ConsoleReads reads;

  EvidenceDownload(EvidenceBundles bundles, ConsoleReads reads) {
    this.bundles = bundles;
    this.reads = reads;
  }

  /**
   * Checks the request (400/404, nothing written), records it, and streams the bundle.
   *
   * @param history {@code subject}, {@code actor} or {@code record}
   * @param id its id ({@code TYPE/ID} for a record)
   * @param query the page's query parameters: only {@code since} is taken
   */
  Response download(ConsoleSession session, String history, String id,
      MultivaluedMap<String, String> query) {
    Map<String, String> parameters = new TreeMap<>(PageRequest.parameters(query, SINCE));
    parameters.put(history, id);
    EvidenceRequest request = EvidenceRequest.parse(parameters);
    bundles.check(request);
    AppendResult recorded = reads.record(session, BundleFormat.PATH, parameters);
    StreamingOutput body = out -> bundles.write(request, recorded.seq(), out);
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
        .header("Content-Disposition",
            "attachment; filename=\"evidence-" + recorded.seq() + ".json\"")
        .header("Ledger-Audit-Seq", recorded.seq())
        .build();
  }
}
