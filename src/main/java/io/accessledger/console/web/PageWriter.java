package io.accessledger.console.web;

import io.accessledger.console.session.ConsoleSession;
import jakarta.inject.Provider;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Page} as HTML inside the layout: the page's template sees its model first, then
 * the {@link Frame} (title, who is signed in, navigation), so templates never repeat the layout.
 */
@Produces(MediaType.TEXT_HTML)
public final class PageWriter implements MessageBodyWriter<Page> {
  private final Templates templates;
  @Context private Provider<ContainerRequestContext> requests;

  public PageWriter(Templates templates) {
    this.templates = templates;
  }

  @Override
  public boolean isWriteable(Class<?> type, Type generic, Annotation[] annotations,
      MediaType mediaType) {
    return Page.class.isAssignableFrom(type);
  }

  @Override
  public void writeTo(Page page, Class<?> type, Type generic, Annotation[] annotations,
      MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) {
    headers.putSingle("Content-Type", "text/html; charset=utf-8");
    ContainerRequestContext request = requests.get();
    ConsoleSession session = ConsoleRequest.sessionOrNull(request);
    Frame frame = Frame.of(page.title(), session, "/console/" + request.getUriInfo().getPath());
    List<Object> scopes = new ArrayList<>();
    scopes.add(frame);
    if (page.model() != null) {
      scopes.add(page.model()); // the last scope is searched first
    }
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    templates.render(page.template(), writer, scopes);
  }
}
