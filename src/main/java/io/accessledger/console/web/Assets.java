package io.accessledger.console.web;

import io.accessledger.report.AccessReportHtml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The console's static files, read from the class path once at start and served from memory: a
 * fixed list, so no request can name any other file.
 *
 * <p>GOV.UK Frontend's stylesheet is served with two changes made as it is loaded: its
 * {@code /assets/} URLs point under {@code /console/assets/govuk/}, and it uses the system's
 * Arial instead of the GDS Transport font, whose licence covers GOV.UK services only (a council's
 * service must not use it; GOV.UK Frontend's own guidance for services outside GOV.UK).
 */
public final class Assets {
  /** An asset: its bytes and media type. */
  public record Asset(byte[] bytes, String mediaType) {}

  private static final String GOVUK = "META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/";
  private static final String OWN = "io/accessledger/console/assets/";
  private static final Pattern FONT_FACE = Pattern.compile("@font-face\\{[^}]*\\}");

  private final Map<String, Asset> assets = new HashMap<>();

  public Assets() {
    assets.put("govuk/govuk-frontend.min.css",
        new Asset(govukStyles(text(GOVUK + "govuk-frontend.min.css")).getBytes(StandardCharsets.UTF_8),
            "text/css; charset=utf-8"));
    assets.put("govuk/images/govuk-crest.svg",
        new Asset(bytes(GOVUK + "assets/images/govuk-crest.svg"), "image/svg+xml"));
    assets.put("govuk/images/favicon.svg",
        new Asset(bytes(GOVUK + "assets/images/favicon.svg"), "image/svg+xml"));
    for (String own : new String[] {"console.css", "print.css"}) {
      assets.put(own, new Asset(bytes(OWN + own), "text/css; charset=utf-8"));
    }
    assets.put("console.js", new Asset(bytes(OWN + "console.js"), "text/javascript; charset=utf-8"));
    // The subject access report's own rules, which the console's policy will not take inline.
    assets.put("access-report.css", new Asset(
        AccessReportHtml.stylesheet().getBytes(StandardCharsets.UTF_8), "text/css; charset=utf-8"));
  }

  /** The asset at {@code path} (relative to {@code /console/assets/}), if there is one. */
  public Optional<Asset> find(String path) {
    return Optional.ofNullable(assets.get(path));
  }

  /** GOV.UK Frontend's stylesheet as the console serves it (see the class comment). */
  static String govukStyles(String css) {
    return FONT_FACE.matcher(css).replaceAll("")
        .replace("GDS Transport,arial,sans-serif", "arial,sans-serif")
        .replace("url(/assets/images/", "url(/console/assets/govuk/images/");
  }

  private static String text(String resource) {
    return new String(bytes(resource), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the console's asset " + resource + " is missing from the"
            + " class path (a build error)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
