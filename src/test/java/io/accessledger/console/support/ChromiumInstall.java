package io.accessledger.console.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.TestAbortedException;

/**
 * Where the browser tests find Debian's Chromium and its chromedriver, and what happens when they
 * are not there.
 *
 * <p>The rule: on a developer's machine a missing browser skips the browser tests (a JUnit
 * assumption, so they show as skipped, never as passed) with a message naming what to install.
 * When the environment variable {@code CI} is {@code true} they MUST NOT skip: a missing browser is
 * a test failure naming the packages {@code chromium chromium-driver}, so a CI machine that lacks
 * them cannot report a green build that never opened a page.
 *
 * @param chromium the browser binary
 * @param chromedriver the driver binary that starts it
 */
public record ChromiumInstall(Path chromium, Path chromedriver) {
  /** Debian's packages {@code chromium} and {@code chromium-driver}. */
  public static final ChromiumInstall DEBIAN =
      new ChromiumInstall(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromedriver"));

  static final String PACKAGES = "chromium chromium-driver";

  /**
   * Returns normally when both binaries are executable files. Otherwise, under {@code CI=true}
   * in {@code environment}, throws an {@link AssertionError} naming the packages; elsewhere throws
   * JUnit's {@link TestAbortedException} (the test is skipped) saying what to install.
   */
  public void requirePresent(Map<String, String> environment) {
    String missing = missing();
    if (missing.isEmpty()) {
      return;
    }
    if ("true".equalsIgnoreCase(environment.get("CI"))) {
      throw new AssertionError(
          "CI=true and the browser tests cannot run: missing "
              + missing
              + ". Install Debian's packages: apt-get install -y "
              + PACKAGES
              + " (.ci/run does this when they are missing).");
    }
    Assumptions.abort(
        "Browser tests skipped: missing "
            + missing
            + ". Install Debian's packages to run them: sudo apt-get install "
            + PACKAGES
            + " (under CI=true they fail instead of skipping).");
  }

  private String missing() {
    StringBuilder missing = new StringBuilder();
    for (Path binary : new Path[] {chromium, chromedriver}) {
      if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
        missing.append(missing.length() == 0 ? "" : " and ").append(binary);
      }
    }
    return missing.toString();
  }
}
