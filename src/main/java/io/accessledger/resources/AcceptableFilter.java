package io.accessledger.resources;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/**
 * Refuses with 406, before the resource runs (so before any read is recorded), a request whose
 * {@code Accept} header rules out every type the matched resource produces, {@code q=0} ranges
 * counted as refusals ({@link AcceptHeader}). It runs after authentication and authorisation, so a
 * caller learns nothing about a resource it may not use.
 */
@Priority(Priorities.HEADER_DECORATOR)
public final class AcceptableFilter implements ContainerRequestFilter {
  @Context private ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    List<MediaType> produced = produced();
    if (!produced.isEmpty() && AcceptHeader.of(request.getHeaders().get(HttpHeaders.ACCEPT))
        .best(produced).isEmpty()) {
      throw new NotAcceptableException();
    }
  }

  private List<MediaType> produced() {
    Produces produces = resource.getResourceMethod() == null ? null
        : resource.getResourceMethod().getAnnotation(Produces.class);
    if (produces == null && resource.getResourceClass() != null) {
      produces = resource.getResourceClass().getAnnotation(Produces.class);
    }
    return produces == null ? List.of() : Arrays.stream(produces.value())
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(value -> MediaType.valueOf(value.strip()))
        .toList();
  }
}
