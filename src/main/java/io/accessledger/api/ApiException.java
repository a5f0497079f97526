package io.accessledger.api;

import java.util.List;

/**
 * A request the API refuses, with the contract's status and a message naming what is wrong (and, for
 * validation failures, one entry per problem). Services throw it; an exception mapper turns it into
 * an {@link ErrorBody}. Thrown only before anything is written: a refused request changes nothing.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final List<String> errors;

  private ApiException(int status, String message, List<String> errors) {
    super(message);
    this.status = status;
    this.errors = errors == null ? null : List.copyOf(errors);
  }

  /** 400: the body or a parameter is not well-formed. */
  public static ApiException malformed(String message) {
    return new ApiException(400, message, null);
  }

  /** 404: no such entry or tree size. */
  public static ApiException notFound(String message) {
    return new ApiException(404, message, null);
  }

  /** 409: the request conflicts with what the log already holds. */
  public static ApiException conflict(String message) {
    return new ApiException(409, message, null);
  }

  /** 413: the body is larger than the contract allows. */
  public static ApiException tooLarge(String message) {
    return new ApiException(413, message, null);
  }

  /** 422: well-formed but invalid; {@code errors} names each problem by field. */
  public static ApiException invalid(String message, List<String> errors) {
    return new ApiException(422, message, errors);
  }

  public int status() {
    return status;
  }

  /** The per-field problems of a 422, or null. */
  public List<String> errors() {
    return errors;
  }

  public ErrorBody body() {
    return new ErrorBody(status, getMessage(), errors);
  }
}
