package io.accessledger.console.pages;

import io.accessledger.console.web.ConsoleLinks;
import io.accessledger.console.web.ErrorPage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code GET /console/search?kind=subject|actor|record&q=ID}: the search form on every page sends
 * the person to the child's, the member of staff's or the record's page (a record is
 * {@code type/id}). It reads nothing itself; the page it leads to records its read.
 */
@Path("search")
@Produces(MediaType.TEXT_HTML)
public final class SearchResource {

  @GET
  public Response search(@QueryParam("kind") String kind, @QueryParam("q") String query) {
    String id = query == null ? "" : query.strip();
    if (id.isEmpty()) {
      return refuse("Enter an id to search for.");
    }
    String target;
    switch (kind == null ? "subject" : kind) {
      case "subject" -> target = ConsoleLinks.subject(id);
      case "actor" -> target = ConsoleLinks.actor(id);
      case "record" -> {
        int slash = id.indexOf('/');
        if (slash <= 0 || slash == id.length() - 1) {
          return refuse("A record is its type and id with a slash between, such as"
              + " case-note/CN-1234.");
        }
        target = ConsoleLinks.record(id.substring(0, slash), id.substring(slash + 1));
      }
      default -> {
        return refuse("Search for a child (subject), a member of staff (actor) or a record.");
      }
    }
    return Response.seeOther(URI.create(target)).build();
  }

  private static Response refuse(String message) {
    return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
        .entity(ErrorPage.of(400, message)).build();
  }
}
