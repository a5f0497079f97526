package io.accessledger.evidence;

/** A bundle that failed verification: the problem, and exactly where. */
public final class BundleException extends Exception {
  private static final long serialVersionUID = 1L;

  private final BundleProblem problem;

  public BundleException(BundleProblem problem, String detail) {
    super(detail);
    this.problem = problem;
  }

  public BundleException(BundleProblem problem, String detail, Throwable cause) {
    super(detail, cause);
    this.problem = problem;
  }

  public BundleProblem problem() {
    return problem;
  }

  /** One line for a person: {@code PROBLEM: meaning: detail}. */
  public String describe() {
    return problem + ": " + problem.meaning() + ": " + getMessage();
  }
}
