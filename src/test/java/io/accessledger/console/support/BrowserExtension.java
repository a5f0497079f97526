package io.accessledger.console.support;

import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class one {@link Browser}, shared by all its tests and lifecycle methods: declare
 * a {@code Browser} parameter on a {@code @Test}, {@code @BeforeEach} or (static) {@code
 * @BeforeAll} method of a class annotated {@code @ExtendWith(BrowserExtension.class)}.
 *
 * <p>Before any of the class's tests, a missing browser skips the whole class, or under {@code
 * CI=true} fails it, as {@link ChromiumInstall} says. (The check MUST happen here, not when the
 * parameter is resolved: JUnit turns anything a parameter resolver throws into an error, so a
 * skip there would show as a failure.) The browser starts on first use and is closed (quit,
 * profile deleted) when the class's tests are done. It is NOT reset between tests: a test that
 * needs no session MUST delete the cookies itself ({@code
 * browser.driver().manage().deleteAllCookies()}).
 */
public final class BrowserExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BrowserExtension.class);

  private final ChromiumInstall install;
  private final Map<String, String> environment;

  /** Debian's Chromium, with the skip rule read from this process's environment. */
  public BrowserExtension() {
    this(ChromiumInstall.DEBIAN, System.getenv());
  }

  BrowserExtension(ChromiumInstall install, Map<String, String> environment) {
    this.install = install;
    this.environment = Map.copyOf(environment);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    install.requirePresent(environment);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Browser resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // JUnit closes an AutoCloseable held in a class-level store when that class's tests end.
    return classContext(context)
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            Browser.class, key -> Browser.start(install, environment), Browser.class);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }
}
