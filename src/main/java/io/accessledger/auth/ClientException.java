package io.accessledger.auth;

/**
 * The client store refused a change because of the clients it already holds: a name that is (or
 * was) in use, or no client of the name given. The message says which; it never holds a token.
 */
public final class ClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClientException(String message) {
    super(message);
  }
}
