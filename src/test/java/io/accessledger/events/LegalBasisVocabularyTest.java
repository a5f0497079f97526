package io.accessledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped vocabulary matches LEGAL-BASES.md; local additions extend it and nothing else. */
class LegalBasisVocabularyTest {
  /** Every code of LEGAL-BASES.md, copied by hand so the resource cannot drift from the page. */
  static final List<String> LEGAL_BASES_MD = List.of(
      "UKGDPR-6-1-a", "UKGDPR-6-1-b", "UKGDPR-6-1-c", "UKGDPR-6-1-d", "UKGDPR-6-1-e",
      "UKGDPR-6-1-ea", "UKGDPR-6-1-f",
      "UKGDPR-9-2-a", "UKGDPR-9-2-b", "UKGDPR-9-2-c", "UKGDPR-9-2-d", "UKGDPR-9-2-e",
      "UKGDPR-9-2-f", "UKGDPR-9-2-g", "UKGDPR-9-2-h", "UKGDPR-9-2-i", "UKGDPR-9-2-j",
      "DPA2018-S1-P1", "DPA2018-S1-P2", "DPA2018-S1-P3", "DPA2018-S1-P4", "DPA2018-S1-P6",
      "DPA2018-S1-P7", "DPA2018-S1-P10", "DPA2018-S1-P18", "DPA2018-S1-P33",
      "DPA2018-S2-P2", "DPA2018-S2-P5-1", "DPA2018-S2-P5-2", "DPA2018-S3-P7",
      "CA1989-S17", "CA1989-S20", "CA1989-S27", "CA1989-S31", "CA1989-S47",
      "CA2004-S10", "CA2004-S11", "CDA1998-S115", "CFA2014", "COURT-ORDER",
      "CLDC-CONSENT", "CLDC-PUBLIC-INTEREST", "CLDC-LEGAL-REQUIREMENT");

  private final LegalBasisVocabulary shipped = LegalBasisVocabulary.shipped();

  @Test
  void shipsExactlyTheCodesOfLegalBasesMd() {
    assertThat(shipped.all()).extracting(LegalBasis::code)
        .containsExactlyInAnyOrderElementsOf(LEGAL_BASES_MD)
        .doesNotHaveDuplicates();
    assertThat(LEGAL_BASES_MD).allSatisfy(code -> assertThat(shipped.isKnown(code)).isTrue());
  }

  @Test
  void everyEntryHasALabelAndALegislationIdUriOrNone() {
    assertThat(shipped.all()).allSatisfy(basis -> {
      assertThat(basis.label()).isNotBlank();
      if (basis.uri() != null) {
        assertThat(basis.uri()).startsWith("https://www.legislation.gov.uk/id/");
      }
    });
  }

  @Test
  void citesTheProvisionItNames() {
    assertThat(uri("UKGDPR-6-1-e"))
        .isEqualTo("https://www.legislation.gov.uk/id/eur/2016/679/article/6/1/e");
    assertThat(uri("UKGDPR-6-1-ea"))
        .isEqualTo("https://www.legislation.gov.uk/id/eur/2016/679/article/6/1/ea");
    assertThat(uri("UKGDPR-9-2-g"))
        .isEqualTo("https://www.legislation.gov.uk/id/eur/2016/679/article/9/2/g");
    assertThat(uri("DPA2018-S1-P18"))
        .isEqualTo("https://www.legislation.gov.uk/id/ukpga/2018/12/schedule/1/paragraph/18");
    assertThat(uri("DPA2018-S2-P2"))
        .isEqualTo("https://www.legislation.gov.uk/id/ukpga/2018/12/schedule/2/paragraph/2");
    assertThat(uri("CA1989-S47"))
        .isEqualTo("https://www.legislation.gov.uk/id/ukpga/1989/41/section/47");
    assertThat(uri("CA2004-S11"))
        .isEqualTo("https://www.legislation.gov.uk/id/ukpga/2004/31/section/11");
    assertThat(uri("CDA1998-S115"))
        .isEqualTo("https://www.legislation.gov.uk/id/ukpga/1998/37/section/115");
    assertThat(uri("CFA2014")).isEqualTo("https://www.legislation.gov.uk/id/ukpga/2014/6");
    assertThat(uri("COURT-ORDER")).isNull();
    assertThat(uri("CLDC-CONSENT")).isNull();
    assertThat(uri("CLDC-PUBLIC-INTEREST")).isNull();
    assertThat(uri("CLDC-LEGAL-REQUIREMENT")).isNull();
  }

  @Test
  void labelsAreTheMeaningsOfTheTable() {
    assertThat(shipped.find("UKGDPR-6-1-e")).get().extracting(LegalBasis::label)
        .isEqualTo("public task (the usual basis for a local authority's social care work)");
    assertThat(shipped.find("DPA2018-S1-P18")).get().extracting(LegalBasis::label)
        .isEqualTo("safeguarding of children and of individuals at risk");
  }

  @Test
  void findsAndKnowsCodesExactly() {
    assertThat(shipped.find("CA1989-S47")).isPresent();
    assertThat(shipped.find("ca1989-s47")).isEmpty();
    assertThat(shipped.find(null)).isEmpty();
    assertThat(shipped.isKnown("UKGDPR-6-1-E")).isFalse();
    assertThat(shipped.isKnown(null)).isFalse();
    assertThat(shipped.isKnown("UKGDPR-6-1-g")).isFalse();
  }

  @Test
  void article6IsAPrefixTest() {
    assertThat(LegalBasisVocabulary.isArticle6("UKGDPR-6-1-e")).isTrue();
    assertThat(LegalBasisVocabulary.isArticle6("UKGDPR-6-1-ea")).isTrue();
    assertThat(LegalBasisVocabulary.isArticle6("UKGDPR-9-2-g")).isFalse();
    assertThat(LegalBasisVocabulary.isArticle6("UKGDPR-6-2")).isFalse();
    assertThat(LegalBasisVocabulary.isArticle6(null)).isFalse();
    assertThat(shipped.all()).filteredOn(b -> LegalBasisVocabulary.isArticle6(b.code()))
        .hasSize(7);
  }

  @Test
  void localAdditionsComeAfterTheShippedCodesAndLeaveTheOriginalAlone() {
    LegalBasis local = new LegalBasis("NORTHSHIRE-ISA-7", "Northshire information sharing"
        + " agreement 7", "https://intranet.northshire.example/isa/7");
    LegalBasisVocabulary extended = shipped.withLocal(List.of(local,
        new LegalBasis("MASH.PROTOCOL_2", "MASH protocol", null)));
    assertThat(extended.isKnown("NORTHSHIRE-ISA-7")).isTrue();
    assertThat(extended.find("NORTHSHIRE-ISA-7")).contains(local);
    assertThat(extended.all()).hasSize(LEGAL_BASES_MD.size() + 2);
    assertThat(extended.all().subList(0, LEGAL_BASES_MD.size())).isEqualTo(shipped.all());
    assertThat(extended.all().get(LEGAL_BASES_MD.size())).isEqualTo(local);
    assertThat(shipped.isKnown("NORTHSHIRE-ISA-7")).isFalse();
    assertThat(shipped.withLocal(List.of()).all()).isEqualTo(shipped.all());
  }

  @Test
  void aLocalCodeIsUsableInEvents() {
    LegalBasisVocabulary extended =
        shipped.withLocal(List.of(new LegalBasis("NORTHSHIRE-ISA-7", "ISA 7", null)));
    var event = Events.fixture("view-minimal");
    Events.set(event, "legalBasis", List.of("UKGDPR-6-1-e", "NORTHSHIRE-ISA-7"));
    assertThat(new EventValidator(extended).validate(Events.reparse(event))).isEmpty();
    assertThat(new EventValidator(shipped).validate(Events.reparse(event)))
        .extracting(FieldError::field).containsExactly("legalBasis[1]");
  }

  @ParameterizedTest
  // The last is 65 characters, one more than allowed.
  @ValueSource(strings = {"lower-case", "-LEADING-DASH", ".DOT", "HAS SPACE", "SLASH/CODE",
      "ÉCOLE", "TAB\tCODE",
      "A1234567890123456789012345678901234567890123456789012345678901234"})
  void refusesMalformedLocalCodesNamingThem(String code) {
    assertThatThrownBy(() -> shipped.withLocal(List.of(new LegalBasis(code, "label", null))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + code + "\"")
        .hasMessageContaining("malformed");
  }

  @Test
  void acceptsTheLongestLocalCode() {
    String code = "A" + "1".repeat(63);
    assertThat(shipped.withLocal(List.of(new LegalBasis(code, "label", null))).isKnown(code))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UKGDPR-6-1-X", "UKGDPR-6-2", "UKGDPR-6-"})
  void refusesLocalArticle6Codes(String code) {
    assertThatThrownBy(() -> shipped.withLocal(List.of(new LegalBasis(code, "label", null))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + code + "\"")
        .hasMessageContaining("Article 6");
  }

  @ParameterizedTest
  @ValueSource(strings = {"COURT-ORDER", "CFA2014", "CLDC-CONSENT", "DPA2018-S1-P18"})
  void refusesLocalCodesThatDuplicateShippedOnes(String code) {
    assertThatThrownBy(() -> shipped.withLocal(List.of(new LegalBasis(code, "mine", null))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + code + "\"")
        .hasMessageContaining("duplicates");
  }

  @Test
  void refusesALocalCodeTwiceAndAcrossCalls() {
    LegalBasis local = new LegalBasis("LOCAL-1", "one", null);
    assertThatThrownBy(() -> shipped.withLocal(List.of(local, local)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"LOCAL-1\"");
    LegalBasisVocabulary once = shipped.withLocal(List.of(local));
    assertThatThrownBy(() -> once.withLocal(List.of(local)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicates");
  }

  @Test
  void refusesNullEntriesBadUrisAndBlankValues() {
    assertThatThrownBy(() -> shipped.withLocal(java.util.Arrays.asList((LegalBasis) null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> shipped.withLocal(List.of(new LegalBasis("L-1", "x", "not a uri"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"L-1\"");
    assertThatThrownBy(() -> shipped.withLocal(List.of(new LegalBasis("L-1", "x", "ftp://a/b"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uri");
    assertThatThrownBy(() -> new LegalBasis("L-1", " ", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("L-1");
    assertThatThrownBy(() -> new LegalBasis("", "x", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LegalBasis(null, "x", null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void aBrokenResourceFailsLoudly() {
    assertThatThrownBy(() -> LegalBasisVocabulary.load(stream("{\"bases\":[]}")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> LegalBasisVocabulary.load(stream(
        "{\"bases\":[{\"code\":\"X\",\"label\":\"x\",\"uri\":null,\"group\":\"nope\"}]}")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("group");
    String entry = "{\"code\":\"X\",\"label\":\"x\",\"uri\":null,\"group\":\"common-law\"}";
    assertThatThrownBy(() -> LegalBasisVocabulary.load(stream(
        "{\"bases\":[" + entry + "," + entry + "]}")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("duplicate");
    assertThatThrownBy(() -> LegalBasisVocabulary.load(stream(
        "{\"bases\":[{\"code\":\"X\",\"label\":\"x\",\"group\":\"common-law\"}]}")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theShippedVocabularyIsLoadedOnceAndIsImmutable() {
    assertThat(LegalBasisVocabulary.shipped()).isSameAs(shipped);
    assertThatThrownBy(() -> shipped.all().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private String uri(String code) {
    return shipped.find(code).orElseThrow().uri();
  }

  private static ByteArrayInputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
