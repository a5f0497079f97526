package io.accessledger.resources;

import io.accessledger.query.HistoryRequest;
import jakarta.ws.rs.QueryParam;

/** The query parameters every history endpoint takes, as given (null when absent). */
public final class HistoryParams {
  @QueryParam("from") String from;
  @QueryParam("to") String to;
  @QueryParam("type") String type;
  @QueryParam("limit") String limit;
  @QueryParam("cursor") String cursor;

  /** Checks and parses them; throws 400 naming the bad one. */
  HistoryRequest parse() {
    return HistoryRequest.parse(from, to, type, limit, cursor);
  }
}
