package io.accessledger.console.support;

import io.accessledger.support.TempDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium, driven through Debian's chromedriver, for the console's tests.
 *
 * <p>Guarantees: the driver is {@code /usr/bin/chromedriver} given to {@link ChromeDriverService}
 * directly, so Selenium Manager is never asked for a driver or a browser (and should anything
 * reach it, it runs offline and sends no statistics). The browser resolves no host name but
 * {@code localhost} (and takes {@code 127.0.0.1}), uses no proxy, and has its background, sync,
 * component-update and QUIC traffic switched off, so nothing it does leaves the machine: a page
 * that asks for an outside resource gets {@code ERR_NAME_NOT_RESOLVED}. Every browser gets a
 * fresh profile directory, deleted on {@link #close()}. A missing browser skips or fails as
 * {@link ChromiumInstall} says. Starting takes about a second: share one per test class ({@link
 * BrowserExtension}, or {@link #start()} in {@code @BeforeAll} and {@link #close()} in {@code
 * @AfterAll}).
 */
public final class Browser implements AutoCloseable {
  /** Where {@link #screenshot} writes, under Maven's {@code target/}. */
  public static final Path SCREENSHOTS =
      Path.of(System.getProperty("basedir", "."), "target", "console-screenshots");

  /**
   * CDP commands here go through chromedriver ({@code executeCdpCommand}), not Selenium's
   * version-bound DevTools classes, so its warning that none matches this Chromium is noise. Held
   * in a field because java.util.logging keeps loggers only weakly.
   */
  private static final Logger CDP_VERSION_FINDER =
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_FINDER.setLevel(Level.SEVERE);
  }

  private static final Pattern SCREENSHOT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  /** Set on a page by {@link #follow} before its click; the page that replaces it lacks it. */
  private static final String OLD_PAGE_MARK = "accessLedgerOldPage";

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts Debian's Chromium, or skips (or under {@code CI=true} fails) when it is missing. */
  public static Browser start() {
    return start(ChromiumInstall.DEBIAN, System.getenv());
  }

  static Browser start(ChromiumInstall install, Map<String, String> environment) {
    install.requirePresent(environment);
    keepSeleniumOffline(install);
    Path profile = TempDirs.deletedAtExit("chromium-profile-");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(install.chromedriver().toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(install.chromium().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // CI runs as root, where Chromium's sandbox refuses to start
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--no-proxy-server",
        // Debian's launcher gives Chromium Google API keys, and even with every background
        // service switched off below it still looks up Google's hosts at start. Resolving no
        // name but the loopback ones means nothing can leave the machine, whatever a page asks.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--disable-breakpad",
        "--disable-domain-reliability",
        "--disable-client-side-phishing-detection",
        "--metrics-recording-only",
        "--disable-features=OptimizationHints,OptimizationHintsFetching,"
            + "OptimizationGuideModelDownloading,MediaRouter,Translate,NetworkTimeServiceQuerying",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      TempDirs.deleteTree(profile);
      throw e;
    }
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return new Browser(driver, profile);
  }

  /**
   * Selenium passes system properties named {@code SE_*} to Selenium Manager as its environment:
   * these make it work offline and send no usage statistics, should anything ever call it. The
   * driver path set on the service (and in {@code webdriver.chrome.driver}) means nothing does.
   */
  private static void keepSeleniumOffline(ChromiumInstall install) {
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("SE_AVOID_STATS", "true");
    System.setProperty(
        ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, install.chromedriver().toString());
    System.setProperty("webdriver.remote.enableTracing", "false");
  }

  /** The driver, for anything the helpers here do not do (finding elements, forms, scripts). */
  public ChromeDriver driver() {
    return driver;
  }

  /** Loads {@code url} and returns once the page's load event has fired. */
  public void open(String url) {
    driver.get(url);
  }

  /** Loads {@code url} and returns once the page's load event has fired. */
  public void open(URI url) {
    open(url.toString());
  }

  /**
   * Clicks {@code element} (a link or a form's button) and returns once the page it leads to has
   * replaced the current one and finished loading: a click alone may return before the navigation
   * it starts.
   *
   * <p>The old page is marked with a script variable before the click, and the wait is for a page
   * without it. Waiting for the element to go stale instead is flaky: while the old document is
   * being torn down, ChromeDriver may answer "Node with given id does not belong to the document"
   * rather than "stale element reference", and scripts may find no execution context; both mean
   * "not yet", so the wait ignores them.
   */
  public void follow(WebElement element) {
    driver.executeScript("window." + OLD_PAGE_MARK + " = true;");
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .ignoring(WebDriverException.class)
        .until(d -> Boolean.TRUE.equals(driver.executeScript(
            "return window." + OLD_PAGE_MARK + " === undefined"
                + " && document.readyState === 'complete';")));
  }

  /** The cookies the browser holds for the current page's origin, as it would send them. */
  public Set<Cookie> cookies() {
    return Set.copyOf(driver.manage().getCookies());
  }

  /**
   * Saves a PNG of the whole current page, not only the window's viewport, as
   * {@code target/console-screenshots/<name>.png} (replacing one of that name) and returns its
   * path. {@code name} MUST be letters, digits, dots, dashes and underscores.
   */
  public Path screenshot(String name) {
    if (!SCREENSHOT_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("screenshot name must match " + SCREENSHOT_NAME);
    }
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
    Map<String, Object> clip =
        Map.of(
            "x", 0,
            "y", 0,
            "width", Math.ceil(((Number) content.get("width")).doubleValue()),
            "height", Math.ceil(((Number) content.get("height")).doubleValue()),
            "scale", 1);
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
    Path file = SCREENSHOTS.resolve(name + ".png");
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  /** The profile directory this browser was started with; gone after {@link #close()}. */
  Path profile() {
    return profile;
  }

  /** Quits the browser and its driver and deletes the profile directory. */
  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteProfile();
    }
  }

  /** Chromium's last writes can race its exit, so a first attempt at deletion may meet new files. */
  private void deleteProfile() {
    for (int attempt : List.of(1, 2, 3)) {
      try {
        TempDirs.deleteTree(profile);
        return;
      } catch (UncheckedIOException e) {
        if (attempt == 3) {
          throw e;
        }
        sleep(Duration.ofMillis(200));
      }
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
