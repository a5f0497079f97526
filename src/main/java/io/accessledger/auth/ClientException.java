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

  /**
   * {@code name} cannot be added: {@code holder} (the same name, or the same ignoring case) is, or
   * was, a client's.
   */
  public static ClientException nameTaken(String name, String holder) {
    return new ClientException("the client name '" + name + "' is taken"
        + (holder.equals(name) ? "" : " (by '" + holder + "')")
        + ": names are never reused, even after revocation, so that audit entries naming a"
        + " client stay unambiguous; choose another name");
  }
}
