package io.accessledger.resources;

import io.accessledger.api.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body into memory up to a limit, refusing a larger one (413) as soon as it is
 * known to be larger: from {@code Content-Length} before reading anything, else once the limit is
 * passed, so an oversized body never fills the heap.
 */
final class BoundedBody {
  private BoundedBody() {}

  static byte[] read(InputStream in, Long contentLength, int limit) {
    if (contentLength != null && contentLength > limit) {
      throw tooLarge(contentLength, limit);
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
