package io.accessledger.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The controlled vocabulary of legal-basis codes events may cite: the codes of LEGAL-BASES.md,
 * shipped as data in the {@value #RESOURCE} resource, plus any local codes a deployment adds in its
 * configuration.
 *
 * <p>Immutable and thread-safe. Codes are case-sensitive. Local codes can only add: they may not
 * redefine a shipped code (an event citing it would then mean something else in one deployment
 * than in another), and they may not be Article 6 bases, because the lawful bases are fixed by law
 * and {@link #isArticle6} must keep meaning the same thing everywhere.
 */
public final class LegalBasisVocabulary {
  /** The classpath resource the shipped vocabulary is read from. */
  public static final String RESOURCE = "/legal-bases.json";

  /** Prefix of every UK GDPR Article 6(1) lawful-basis code. */
  public static final String ARTICLE_6_PREFIX = "UKGDPR-6-1-";

  /** Local codes: upper case, digits and {@code . _ -}, 1 to 64 characters. */
  public static final Pattern LOCAL_CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,63}");

  private static final Set<String> GROUPS =
      Set.of("article-6", "article-9", "dpa-schedule-1", "dpa-exemption", "statutory-gateway",
          "common-law");

  private final Map<String, LegalBasis> byCode;
  private final List<LegalBasis> all;

  private LegalBasisVocabulary(Map<String, LegalBasis> byCode) {
    this.byCode = byCode;
    this.all = List.copyOf(byCode.values());
  }

  /**
   * The vocabulary shipped with this build, read once from {@value #RESOURCE}.
   *
   * @throws IllegalStateException if the resource is missing or malformed (a packaging bug)
   */
  public static LegalBasisVocabulary shipped() {
    return Shipped.INSTANCE;
  }

  /**
   * This vocabulary plus a deployment's {@code local} codes, which come after it in {@link #all()}.
   *
   * @throws IllegalArgumentException naming the code, for a local code that is null, does not match
   *     {@link #LOCAL_CODE}, starts with {@code UKGDPR-6-}, duplicates a code already known
   *     (shipped, or earlier in {@code local}), or has a {@code uri} that is not an absolute
   *     http(s) URI
   */
  public LegalBasisVocabulary withLocal(List<LegalBasis> local) {
    Map<String, LegalBasis> merged = new LinkedHashMap<>(byCode);
    for (LegalBasis basis : local) {
      if (basis == null) {
        throw new IllegalArgumentException("local legal basis must not be null");
      }
      String code = basis.code();
      if (!LOCAL_CODE.matcher(code).matches()) {
        throw new IllegalArgumentException("local legal basis code \"" + code
            + "\" is malformed: it must match " + LOCAL_CODE.pattern());
      }
      if (code.startsWith("UKGDPR-6-")) {
        throw new IllegalArgumentException("local legal basis code \"" + code
            + "\" is refused: Article 6 bases are fixed by law and cannot be added locally");
      }
      if (merged.containsKey(code)) {
        throw new IllegalArgumentException("local legal basis code \"" + code
            + "\" duplicates a code that is already known");
      }
      if (basis.uri() != null && !isHttpUri(basis.uri())) {
        throw new IllegalArgumentException("local legal basis code \"" + code
            + "\" has a uri that is not an absolute http(s) URI: " + basis.uri());
      }
      merged.put(code, basis);
    }
    return new LegalBasisVocabulary(Collections.unmodifiableMap(merged));
  }

  /** Whether {@code code} is in this vocabulary (exact, case-sensitive match). */
  public boolean isKnown(String code) {
    return code != null && byCode.containsKey(code);
  }

  /** The entry for {@code code}, or empty when it is not in this vocabulary. */
  public Optional<LegalBasis> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
  }

  /**
   * Whether {@code code} is spelled as a UK GDPR Article 6(1) lawful basis ({@code
   * UKGDPR-6-1-…}).
   * Says nothing about whether the code is known; local codes can never be Article 6 bases.
   */
  public static boolean isArticle6(String code) {
    return code != null && code.startsWith(ARTICLE_6_PREFIX);
  }

  /** Every entry: the shipped ones in file order, then local ones in the order added. */
  public List<LegalBasis> all() {
    return all;
  }

  @Override
  public String toString() {
    return "LegalBasisVocabulary" + byCode.keySet();
  }

  private static boolean isHttpUri(String text) {
    try {
      URI uri = new URI(text);
      return uri.isAbsolute()
          && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  static LegalBasisVocabulary load(InputStream in) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    JsonNode bases = root == null ? null : root.get("bases");
    if (bases == null || !bases.isArray() || bases.isEmpty()) {
      throw new IllegalStateException(RESOURCE + ": expected a non-empty \"bases\" array");
    }
    Map<String, LegalBasis> byCode = new LinkedHashMap<>();
    for (JsonNode entry : bases) {
      String code = text(entry, "code");
      String label = text(entry, "label");
      String group = text(entry, "group");
      JsonNode uriNode = entry.get("uri");
      if (code == null || label == null || group == null || uriNode == null
          || !(uriNode.isNull() || uriNode.isTextual())) {
        throw new IllegalStateException(RESOURCE + ": every entry needs string code, label, group"
            + " and a uri that is a string or null: " + entry);
      }
      if (!GROUPS.contains(group)) {
        throw new IllegalStateException(RESOURCE + ": " + code + " has unknown group " + group);
      }
      String uri = uriNode.isNull() ? null : uriNode.asText();
      if (uri != null && !uri.startsWith("https://www.legislation.gov.uk/id/")) {
        throw new IllegalStateException(RESOURCE + ": " + code + " uri is not a legislation id");
      }
      if (byCode.put(code, new LegalBasis(code, label, uri)) != null) {
        throw new IllegalStateException(RESOURCE + ": duplicate code " + code);
      }
    }
    return new LegalBasisVocabulary(Collections.unmodifiableMap(byCode));
  }

  private static String text(JsonNode entry, String field) {
    JsonNode node = entry.get(field);
    return node != null && node.isTextual() ? node.asText() : null;
  }

  /** Loaded on first use; a holder class so a broken resource fails loudly at first call. */
  private static final class Shipped {
    static final LegalBasisVocabulary INSTANCE = read();

    private static LegalBasisVocabulary read() {
      try (InputStream in = LegalBasisVocabulary.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the classpath");
        }
        return load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }
}
