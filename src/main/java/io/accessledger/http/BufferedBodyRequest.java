package io.accessledger.http;

import io.accessledger.resources.BoundedBody;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A request whose body has been read (and inflated) already: the resources read these bytes, and
 * its headers describe them ({@code Content-Length} their length, no {@code Content-Encoding}), so
 * nothing downstream can read the body a second time or in its coded form. The same array, not a
 * copy, is left in the request attribute {@link BoundedBody#ATTRIBUTE}, where the resources take
 * it without reading the stream.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {
  private final byte[] body;
  private final ByteArrayInputStream bytes;

  BufferedBodyRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
    this.bytes = new ByteArrayInputStream(body);
    setAttribute(BoundedBody.ATTRIBUTE, body);
  }

  @Override
  public ServletInputStream getInputStream() {
    return new ServletInputStream() {
      @Override
      public int read() {
        return bytes.read();
      }

      @Override
      public int read(byte[] into, int offset, int length) {
        return bytes.read(into, offset, length);
      }

      @Override
      public boolean isFinished() {
        return bytes.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true; // every byte is in memory
      }

      @Override
      public void setReadListener(ReadListener listener) {
        try {
          if (!isFinished()) {
            listener.onDataAvailable();
          }
          listener.onAllDataRead();
        } catch (IOException | RuntimeException e) {
          listener.onError(e);
        }
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public String getHeader(String name) {
    if (name.equalsIgnoreCase("Content-Length")) {
      return Integer.toString(body.length);
    }
    return name.equalsIgnoreCase("Content-Encoding") ? null : super.getHeader(name);
  }

  @Override
  public int getIntHeader(String name) {
    return name.equalsIgnoreCase("Content-Length") ? body.length : super.getIntHeader(name);
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    String value = getHeader(name);
    if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Content-Encoding")) {
      return Collections.enumeration(value == null ? List.of() : List.of(value));
    }
    return super.getHeaders(name);
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    List<String> names = new ArrayList<>();
    for (String name : Collections.list(super.getHeaderNames())) {
      if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Content-Encoding")) {
        names.add(name);
      }
    }
    names.add("Content-Length");
    return Collections.enumeration(names);
  }
}
