package io.accessledger.console.web;

/**
 * A console error: the status and what went wrong, in words for the person using it (never a
 * stack trace or a token).
 */
public record ErrorPage(int status, String heading, String message) {

  /** The page for {@code status} with {@code message}. */
  public static Page of(int status, String message) {
    return new Page("error", heading(status), new ErrorPage(status, heading(status), message));
  }

  private static String heading(int status) {
    return switch (status) {
      case 400 -> "There is a problem with what was asked";
      case 403 -> "You cannot do that";
      case 404 -> "Page not found";
      case 413 -> "Too large";
      case 415 -> "Not a console form";
      case 429 -> "Too many attempts";
      case 503 -> "The ledger is busy";
      default -> "Sorry, something went wrong";
    };
  }
}
