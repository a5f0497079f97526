package io.accessledger.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TemplatesTest {
  private static final Path TEMPLATES = Path.of("src/main/resources", Templates.ROOT);

  /** The escaping guarantee rests on no template asking for unescaped output. */
  @Test
  void noTemplateWritesAValueUnescapedOrInlineScriptOrStyle() throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.list(TEMPLATES)) {
      files = all.filter(p -> p.toString().endsWith(".mustache")).toList();
    }
    assertThat(files).hasSizeGreaterThan(3);
    for (Path file : files) {
      String text = Files.readString(file);
      assertThat(text).as(file + ": unescaped values").doesNotContain("{{{").doesNotContain("{{&");
      assertThat(text).as(file + ": inline script (the CSP refuses it)")
          .doesNotContainPattern("<script(?![^>]*\\bsrc=)");
      assertThat(text).as(file + ": inline style (the CSP refuses it)")
          .doesNotContainPattern("\\sstyle=").doesNotContain("<style")
          .doesNotContainPattern("\\son[a-z]+=");
    }
  }

  record Model(String name, String title) {}

  @Test
  void valuesAreHtmlEscapedAndThePageModelIsSearchedBeforeTheFrame() {
    StringWriter out = new StringWriter();
    new Templates().render("error", out, List.of(
        new Frame("frame title", null, List.of()),
        new ErrorPage(400, "<script>alert(1)</script>", "a \"quoted\" & 'odd' value")));
    assertThat(out.toString())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert")
        .contains("a &quot;quoted&quot; &amp; &#39;odd&#39; value")
        .contains("<title>frame title – access-ledger console</title>");
  }
}
