package io.accessledger.console.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.TestAbortedException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * How JUnit reports a page-test class when the browser is missing: runs such a class (the
 * nested ones below, which surefire itself does not run) and reads JUnit's own summary.
 */
class BrowserExtensionSkipRuleTest {
  private static final ChromiumInstall MISSING =
      new ChromiumInstall(
          Path.of("/nonexistent/usr/bin/chromium"), Path.of("/nonexistent/usr/bin/chromedriver"));

  static class PageTestOutsideCi {
    @RegisterExtension
    static final BrowserExtension CHROMIUM = new BrowserExtension(MISSING, Map.of("CI", "false"));

    @Test
    void opensAPage(Browser browser) {
      browser.open("about:blank");
    }
  }

  static class PageTestUnderCi {
    @RegisterExtension
    static final BrowserExtension CHROMIUM = new BrowserExtension(MISSING, Map.of("CI", "true"));

    @Test
    void opensAPage(Browser browser) {
      browser.open("about:blank");
    }
  }

  @Test
  void outsideCiAMissingBrowserSkipsTheClassAndSaysWhatToInstall() {
    List<Throwable> aborted = new ArrayList<>();
    TestExecutionSummary summary = run(PageTestOutsideCi.class, aborted);

    assertThat(summary.getTotalFailureCount()).isZero();
    assertThat(summary.getTestsSucceededCount()).isZero();
    assertThat(summary.getContainersAbortedCount()).isEqualTo(1);
    assertThat(aborted)
        .singleElement()
        .satisfies(
            reason ->
                assertThat(reason)
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("apt-get install chromium chromium-driver"));
  }

  @Test
  void underCiAMissingBrowserFailsTheClassNamingThePackages() {
    TestExecutionSummary summary = run(PageTestUnderCi.class, new ArrayList<>());

    assertThat(summary.getTestsSucceededCount()).isZero();
    assertThat(summary.getFailures())
        .singleElement()
        .satisfies(
            failure ->
                assertThat(failure.getException())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("chromium chromium-driver"));
  }

  /** Runs {@code testClass}, adding the reason of each skip to {@code aborted}. */
  private static TestExecutionSummary run(Class<?> testClass, List<Throwable> aborted) {
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    TestExecutionListener skips =
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
              result.getThrowable().ifPresent(aborted::add);
            }
          }
        };
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
            summary,
            skips);
    return summary.getSummary();
  }
}
