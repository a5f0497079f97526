package io.accessledger.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AssetsTest {
  private final Assets assets = new Assets();

  @Test
  void govukStylesUseNoGdsTransportFontAndPointUnderTheConsole() {
    String css = new String(assets.find("govuk/govuk-frontend.min.css").orElseThrow().bytes(),
        StandardCharsets.UTF_8);
    assertThat(css).contains(".govuk-body").doesNotContain("GDS Transport")
        .doesNotContain("@font-face").doesNotContain("url(/assets/")
        .contains("url(/console/assets/govuk/images/govuk-crest.svg)");
    assertThat(assets.find("govuk/images/govuk-crest.svg")).isPresent();
  }

  @Test
  void onlyTheListedFilesAreServed() {
    assertThat(assets.find("console.css")).get().extracting(Assets.Asset::mediaType)
        .isEqualTo("text/css; charset=utf-8");
    assertThat(assets.find("console.js")).get().extracting(Assets.Asset::mediaType)
        .asString().startsWith("text/javascript");
    assertThat(assets.find("../templates/layout.mustache")).isEmpty();
    assertThat(assets.find("govuk/govuk-frontend.min.js")).isEmpty();
    assertThat(assets.find("")).isEmpty();
  }
}
