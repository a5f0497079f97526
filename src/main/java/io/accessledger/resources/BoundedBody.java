package io.accessledger.resources;

import io.accessledger.api.ApiException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body into memory up to a limit, refusing a larger one (413) as soon as it is
 * known to be larger: from {@code Content-Length} before reading anything, else once the limit is
 * passed, so an oversized body never fills the heap.
 *
 * <p>When the body has been read already, by {@code io.accessledger.http.RequestBodies} in front of
 * {@code /v1/*}, it is taken as that filter left it in the request attribute {@link #ATTRIBUTE}
 * (exactly the bytes the request's stream would give, inflated), without another copy; without
 * the filter (a resource under test alone), the stream is read. Only server code can set a request
 * attribute, so a client cannot put a body there.
 */
public final class BoundedBody {
  /** The request attribute holding a body read in full already, as a {@code byte[]}. */
  public static final String ATTRIBUTE = BoundedBody.class.getName() + ".bytes";

  private BoundedBody() {}

  static byte[] read(ContainerRequestContext request, InputStream in, Long contentLength, int limit) {
    if (contentLength != null && contentLength > limit) {
      throw tooLarge(contentLength, limit);
    }
    if (request.getProperty(ATTRIBUTE) instanceof byte[] read) {
      request.removeProperty(ATTRIBUTE); // taken once: the resource holds the only reference now
      if (read.length > limit) {
        throw tooLarge(read.length, limit);
      }
      return read;
    }
    if (in == null) {
      return new byte[0];
    }
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(contentLength == null ? 8192 : (int) Math.max(contentLength, 0));
    byte[] buffer = new byte[16384];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (out.size() + n > limit) {
          throw tooLarge(out.size() + (long) n, limit);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw ApiException.malformed("the request body could not be read: " + e.getMessage());
    }
    return out.toByteArray();
  }

  private static ApiException tooLarge(long size, int limit) {
    return ApiException.tooLarge(
        "the body is " + (size > limit ? "over " : "") + limit + " bytes, the most this endpoint takes");
  }
}
