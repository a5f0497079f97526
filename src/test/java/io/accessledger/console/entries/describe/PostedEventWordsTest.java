package io.accessledger.console.entries.describe;

import static io.accessledger.console.entries.describe.Events.describe;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The describers of the events records systems post: each sentence, exactly. */
class PostedEventWordsTest {
  @Test
  void aViewSaysWhoViewedWhichRecordOfWhichChildWhenWhyAndUnderWhatLaw() {
    assertThat(describe("""
        {"type":"VIEW","eventId":"v-1","occurredAt":"2026-03-03T14:05:00Z",
         "actor":{"id":"sw-1","role":"social-worker","team":"north-cin","displayName":"Jo Bloggs"},
         "subject":{"id":"child-17"},"record":{"type":"case-note","id":"CN-1"},
         "purpose":"case work","legalBasis":["UKGDPR-6-1-e"]}
        """)).isEqualTo("Jo Bloggs (social worker, north-cin) viewed the case note CN-1 of"
        + " child-17 on 3 March 2026 at 14:05, for 'case work', under UK GDPR Article 6(1)(e)"
        + " (public task).");
  }

  @Test
  void aBreakGlassViewSaysSoWithItsReasonAndLocalTime() {
    assertThat(describe("""
        {"type":"VIEW","eventId":"v-2","occurredAt":"2026-06-01T23:30:00Z",
         "actor":{"id":"sw-1"},"subject":{"id":"c-1"},"record":{"type":"case-note","id":"n-1"},
         "breakGlass":true,"reason":"police at the door","purpose":"case work",
         "legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-h","DPA2018-S1-P2","LOCAL-X"]}
        """)).isEqualTo("sw-1 used break-glass (emergency access) to view the case note n-1 of"
        + " c-1 on 2 June 2026 at 00:30, giving the reason 'police at the door', for 'case work',"
        + " under UK GDPR Article 6(1)(e) (public task), UK GDPR Article 9(2)(h) (health or social"
        + " care), DPA 2018 Schedule 1 paragraph 2 (health or social care purposes) and LOCAL-X"
        + " (a code not in the vocabulary).");
  }

  @Test
  void aViewMissingItsFieldsSaysWhatIsMissing() {
    assertThat(describe("{\"type\":\"VIEW\",\"occurredAt\":\"yesterday\"}")).isEqualTo(
        "Someone not named viewed a record not named of a child not named at a time recorded as"
        + " 'yesterday', which is not a valid time, with no purpose recorded, citing no legal"
        + " basis.");
  }

  @Test
  void aShareDecisionSaysWhatWasDecidedWithWhomOnWhatGroundsAndWhoApproved() {
    assertThat(describe("""
        {"type":"SHARE_DECISION","eventId":"s-1","occurredAt":"2026-03-01T10:00:00Z",
         "actor":{"id":"tm-1","role":"team-manager"},"purpose":"safeguarding",
         "legalBasis":["UKGDPR-6-1-e","DPA2018-S2-P5-1","CA1989-S47"],
         "subjects":[{"id":"c-1"},{"id":"c-2"}],"decision":"SHARE","grounds":"COURT_ORDER",
         "consent":"NOT_SOUGHT","consentReason":"would increase the risk",
         "recipient":{"organisation":"Cafcass","role":"guardian"},"dataShared":["chronology","plan"],
         "decidedBy":{"id":"tm-1"},"approvedBy":{"id":"tm-1"},"rationale":"as ordered",
         "courtOrder":{"court":"Family Court","reference":"NS26C001","date":"2026-02-27"},
         "subjectInformed":false,"notInformedReason":"risk to the child"}
        """)).isEqualTo("tm-1 (team manager) recorded a decision on 1 March 2026 at 10:00 to share"
        + " chronology and plan about c-1 and c-2 with Cafcass (guardian), on the grounds of a"
        + " court order. Consent was not asked for: 'would increase the risk'. Decided by tm-1;"
        + " approved by tm-1, the person who decided (no second person approved it). Rationale:"
        + " 'as ordered'. It rests on court order NS26C001 of Family Court, dated 27 February"
        + " 2026. The child or family was not told, because 'risk to the child'. Recorded for"
        + " 'safeguarding', under UK GDPR Article 6(1)(e) (public task), DPA 2018 Schedule 2"
        + " paragraph 5(1) (disclosure required by law or by court order) and Children Act 1989"
        + " s47 (enquiries where significant harm is suspected).");
  }

  @Test
  void aDecisionNotToShareWithNoApprovalSaysSo() {
    assertThat(describe("""
        {"type":"SHARE_DECISION","occurredAt":"2026-03-07T10:00:00Z","actor":{"id":"tm-1"},
         "purpose":"p","legalBasis":["UKGDPR-6-1-c"],"subjects":[{"id":"c-1"}],
         "decision":"DO_NOT_SHARE","grounds":"LEGAL_OBLIGATION","consent":"REFUSED",
         "recipient":{"organisation":"School"},"dataShared":["plan"],"decidedBy":{"id":"tm-1"},
         "rationale":"r","subjectInformed":true}
        """)).contains("a decision on 7 March 2026 at 10:00 not to share plan about c-1 with"
        + " School, on the grounds of a duty under the law. Consent was asked for and refused."
        + " Decided by tm-1; no approval is recorded.")
        .contains("The child or family was told.");
  }

  @Test
  void anExtractReleaseSaysWhatDatasetWentToWhomUnderWhichAgreementAndNamesNoChild() {
    assertThat(describe("""
        {"type":"EXTRACT_RELEASE","eventId":"x-1","occurredAt":"2025-06-02T10:00:00Z",
         "actor":{"id":"ig-1","role":"information-governance"},"purpose":"evaluation",
         "legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-j","DPA2018-S1-P4"],
         "recipient":{"organisation":"Evaluator Ltd"},"agreement":"WWCSC-FAMILY-VALUED",
         "dataset":{"name":"cin-2024","sha256":"abab","rowCount":2,"pseudonymised":true,
                    "categories":["referrals","assessments"],"periodFrom":"2020-01-01",
                    "periodTo":"2024-12-31"},"approvedBy":{"id":"dpo-1"},"subjectCount":2}
        """)).isEqualTo("ig-1 (information governance) released the dataset cin-2024 (2 rows,"
        + " pseudonymised, categories referrals and assessments, covering 1 January 2020 to 31"
        + " December 2024) about 2 children to Evaluator Ltd under agreement WWCSC-FAMILY-VALUED"
        + " on 2 June 2025 at 11:00. Approved by dpo-1. The dataset's SHA-256 is abab. Released"
        + " for 'evaluation', under UK GDPR Article 6(1)(e) (public task), UK GDPR Article"
        + " 9(2)(j) (archiving, research, statistics) and DPA 2018 Schedule 1 paragraph 4"
        + " (research, archiving, statistics). Each child is named in an entry of their own that"
        + " follows this one, so that a proof about one child shows no other.");
  }

  @Test
  void anAllocationSaysToWhomFromWhenAndUntilWhen() {
    assertThat(describe("""
        {"type":"ALLOCATION","occurredAt":"2026-02-01T09:00:00Z","actor":{"id":"tm-1"},
         "purpose":"allocation","legalBasis":["UKGDPR-6-1-e"],"subject":{"id":"child-1"},
         "allocationId":"al-1","assignee":{"team":"north-cin"},"from":"2026-02-01T09:00:00Z",
         "to":"2026-04-01T09:00:00Z"}
        """)).isEqualTo("tm-1 allocated the case of child-1 to the team north-cin from 1 February"
        + " 2026 at 09:00 until 1 April 2026 at 10:00 (allocation al-1). Recorded on 1 February"
        + " 2026 at 09:00, for 'allocation', under UK GDPR Article 6(1)(e) (public task).");
    assertThat(describe("""
        {"type":"ALLOCATION","occurredAt":"2026-02-01T09:00:00Z","actor":{"id":"tm-1"},
         "subject":{"id":"child-1"},"allocationId":"al-2","assignee":{"worker":"sw-1"},
         "from":"2026-02-01T09:00:00Z"}
        """)).contains("to the worker sw-1 from 1 February 2026 at 09:00, with no end set");
  }

  @Test
  void aCaseClosureSaysWhoClosedItWhenAndWhy() {
    assertThat(describe("""
        {"type":"CASE_CLOSURE","occurredAt":"2026-01-10T12:00:00Z","actor":{"id":"tm-1"},
         "purpose":"closure","legalBasis":["UKGDPR-6-1-e"],"subject":{"id":"child-3"},
         "reason":"no further action"}
        """)).isEqualTo("tm-1 closed the case of child-3 on 10 January 2026 at 12:00, giving the"
        + " reason 'no further action', for 'closure', under UK GDPR Article 6(1)(e) (public"
        + " task).");
  }
}
