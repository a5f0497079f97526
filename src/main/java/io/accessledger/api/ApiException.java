package io.accessledger.api;

/**
 * A request the API refuses, with the contract's status and a message naming what is wrong.
 * The query services throw it (ingest has its own, {@code IngestRefusal}, with per-field
 * errors); an exception mapper turns it into an {@link ErrorBody}. Thrown only before anything is written: a refused request changes nothing.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  private ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** 400: the body or a parameter is not well-formed. */
  public static ApiException malformed(String message) {
    return new ApiException(400, message);
  }

  /** 404: no such entry or tree size. */
  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  /** 413: the body is larger than the contract allows. */
  public static ApiException tooLarge(String message) {
    return new ApiException(413, message);
  }

  public int status() {
    return status;
  }

  public ErrorBody body() {
    return new ErrorBody(status, getMessage(), null);
  }
}
