package io.accessledger.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.accessledger.console.support.ConsoleClient;
import io.accessledger.console.support.ConsoleServer;
import io.accessledger.console.web.SecurityHeadersFilter;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signing in and out of the console, sessions, CSRF and the headers every answer carries. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleSignInTest {
  static final ConsoleServer SERVER = new ConsoleServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;

  static String auditor;
  static String investigator;
  static String ingest;
  static String admin;

  @BeforeAll
  static void clients() {
    auditor = SERVER.addClient("dpo-jane", Role.AUDITOR, null);
    investigator = SERVER.addClient("ico-case-7", Role.INVESTIGATOR, null);
    ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    admin = SERVER.addClient("ops", Role.ADMIN, null);
  }

  private ConsoleClient browser() {
    return new ConsoleClient(SERVER.base());
  }

  @Test
  void everyPageWithoutASessionGoesToTheSignInPage() {
    for (String path : List.of("/console/", "/console", "/console/audits",
        "/console/subjects/child-1", "/console/nowhere")) {
      HttpResponse<String> answer = browser().get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(303);
      assertThat(answer.headers().firstValue("Location")).as(path).get().asString()
          .endsWith("/console/login");
    }
  }

  @Test
  void theSignInFormTakesATokenInAPasswordFieldAndCarriesACsrfField() {
    HttpResponse<String> form = browser().get("/console/login");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("type=\"password\"").contains("name=\"token\"")
        .containsPattern("type=\"hidden\" name=\"csrf\" value=\"[A-Za-z0-9_-]{43}\"");
    assertThat(form.headers().allValues("Set-Cookie")).anySatisfy(c ->
        assertThat(c).startsWith("ledger_login=").contains("HttpOnly", "SameSite=Strict",
            "Path=/console"));
  }

  @Test
  void anAuditorsTokenStartsASessionWithATightCookieAndItsReadIsRecorded() {
    ConsoleClient dpo = browser();
    HttpResponse<String> signedIn = dpo.signIn(auditor);
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(signedIn.headers().firstValue("Location")).get().asString().endsWith("/console/");
    String cookie = signedIn.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("ledger_session=")).findFirst().orElseThrow();
    assertThat(cookie).contains("; HttpOnly", "; SameSite=Strict", "; Path=/console")
        .doesNotContain("Secure").doesNotContain(auditor);

    long before = SERVER.treeSize();
    HttpResponse<String> overview = dpo.get("/console/");
    assertThat(overview.statusCode()).isEqualTo(200);
    assertThat(overview.body()).contains("Overview").contains("dpo-jane").doesNotContain(auditor);
    assertThat(SERVER.treeSize()).as("one AUDIT_QUERY").isEqualTo(before + 1);
    JsonNode leaf = SERVER.leaf(auditor, before);
    assertThat(leaf.path("source").asText()).isEqualTo("ledger");
    assertThat(leaf.path("event").path("type").asText()).isEqualTo("AUDIT_QUERY");
    assertThat(leaf.path("event").path("actor").path("id").asText()).isEqualTo("dpo-jane");
    assertThat(leaf.path("event").path("actor").path("role").asText()).isEqualTo("auditor");
    assertThat(leaf.path("event").path("query").path("path").asText()).isEqualTo("/console/");
    assertThat(overview.body()).contains("/console/entries/" + before);
  }

  @Test
  void anInvestigatorSignsInButSeesNoAuditorPages() {
    ConsoleClient ico = browser();
    assertThat(ico.signIn(investigator).statusCode()).isEqualTo(303);
    HttpResponse<String> overview = ico.get("/console/");
    assertThat(overview.statusCode()).isEqualTo(200);
    assertThat(overview.body()).doesNotContain("href=\"/console/audits\"")
        .doesNotContain("/console/registers/shares");
  }

  @Test
  void ingestAdminUnknownAndMissingTokensAreRefusedAndStartNoSession() {
    for (String token : new String[] {ingest, admin, "alt_" + "x".repeat(43), ""}) {
      ConsoleClient someone = browser();
      HttpResponse<String> answer = someone.signIn(token);
      assertThat(answer.statusCode()).as(token).isIn(401, 403);
      assertThat(answer.body()).contains("There is a problem").contains("name=\"token\"");
      assertThat(answer.headers().allValues("Set-Cookie"))
          .noneMatch(c -> c.startsWith("ledger_session="));
      assertThat(someone.get("/console/").statusCode()).isEqualTo(303);
    }
    assertThat(browser().signIn(ingest).body()).contains("ingest");
  }

  @Test
  void aSignInWithoutTheFormsCsrfFieldOrCookieIsRefused() {
    ConsoleClient someone = browser();
    assertThat(someone.post("/console/login", Map.of("token", auditor)).statusCode())
        .isEqualTo(403);
    String csrf = ConsoleClient.csrfOf(browser().get("/console/login").body());
    assertThat(someone.post("/console/login", Map.of("token", auditor, "csrf", csrf)).statusCode())
        .as("a field from another browser's form").isEqualTo(403);
    assertThat(someone.get("/console/").statusCode()).isEqualTo(303);
  }

  @Test
  void signOutNeedsTheSessionsCsrfTokenAndThenEndsTheSession() {
    ConsoleClient dpo = browser();
    dpo.signIn(auditor);
    assertThat(dpo.post("/console/logout", Map.of()).statusCode()).isEqualTo(403);
    assertThat(dpo.post("/console/logout", Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
    assertThat(dpo.get("/console/").statusCode()).as("still signed in").isEqualTo(200);
    HttpResponse<String> out = dpo.postFrom("/console/", "/console/logout", Map.of());
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.headers().firstValue("Location")).get().asString()
        .contains("/console/login");
    assertThat(dpo.get("/console/").statusCode()).isEqualTo(303);
  }

  @Test
  void aPostWithoutAValidTokenIs403WhateverItsPathTypeOrSize() {
    ConsoleClient dpo = browser();
    dpo.signIn(auditor);
    long before = SERVER.treeSize();
    assertThat(dpo.postRaw("/console/audits/reviews", "application/json", "{}").statusCode())
        .isEqualTo(403);
    assertThat(dpo.postRaw("/console/audits/reviews", "multipart/form-data; boundary=x",
        "--x--").statusCode()).isEqualTo(403);
    assertThat(dpo.postRaw("/console/nowhere", "application/x-www-form-urlencoded", "a=b")
        .statusCode()).isEqualTo(403);
    HttpResponse<String> huge = dpo.postRaw("/console/logout",
        "application/x-www-form-urlencoded", "note=" + "x".repeat(70_000));
    assertThat(huge.statusCode()).isEqualTo(403);
    assertThat(huge.headers().firstValue("Connection")).as("the rest of it is never read")
        .hasValue("close");
    assertThat(SERVER.treeSize()).isEqualTo(before);
    assertThat(dpo.get("/console/").statusCode()).as("still signed in").isEqualTo(200);
  }

  @Test
  void aPageAskedForByAnotherSitesPageIsRefusedAndRecordsNothing() {
    ConsoleClient dpo = browser();
    dpo.signIn(auditor);
    long before = SERVER.treeSize();
    for (String site : List.of("same-site", "cross-site")) {
      HttpResponse<String> answer = dpo.get("/console/subjects/child-1", "Sec-Fetch-Site", site);
      assertThat(answer.statusCode()).as(site).isEqualTo(403);
    }
    assertThat(SERVER.treeSize()).isEqualTo(before);
    assertThat(dpo.get("/console/", "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(200);
    assertThat(dpo.get("/console/", "Sec-Fetch-Site", "none").statusCode()).isEqualTo(200);
    assertThat(browser().get("/console/login", "Sec-Fetch-Site", "cross-site").statusCode())
        .as("the sign-in page opens from anywhere").isEqualTo(200);
  }

  @Test
  void signingInAgainEndsTheSessionTheBrowserHad() {
    ConsoleClient dpo = browser();
    dpo.signIn(auditor);
    String first = dpo.cookies().getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("ledger_session")).findFirst().orElseThrow().getValue();
    dpo.signIn(auditor);
    ConsoleClient replay = browser();
    replay.cookies().getCookieStore().add(URI.create(SERVER.base()),
        cookie("ledger_session", first));
    assertThat(replay.get("/console/").statusCode()).isEqualTo(303);
    assertThat(dpo.get("/console/").statusCode()).isEqualTo(200);
  }

  private static java.net.HttpCookie cookie(String name, String value) {
    java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
    cookie.setPath("/console");
    cookie.setVersion(0);
    return cookie;
  }

  @Test
  void revokingTheClientEndsItsSessionsAtTheNextRequest() {
    String token = SERVER.addClient("dpo-temp", Role.AUDITOR, null);
    ConsoleClient dpo = browser();
    dpo.signIn(token);
    assertThat(dpo.get("/console/").statusCode()).isEqualTo(200);
    SERVER.revoke("dpo-temp");
    long before = SERVER.treeSize();
    assertThat(dpo.get("/console/").statusCode()).isEqualTo(303);
    assertThat(SERVER.treeSize()).as("nothing read, nothing recorded").isEqualTo(before);
  }

  @Test
  void everyAnswerCarriesAStrictContentSecurityPolicy() {
    ConsoleClient dpo = browser();
    dpo.signIn(auditor);
    for (String path : List.of("/console/", "/console/login", "/console/nowhere",
        "/console/assets/console.css", "/console/assets/nothing.css")) {
      HttpResponse<String> answer = dpo.get(path);
      String policy = answer.headers().firstValue("Content-Security-Policy").orElseThrow();
      assertThat(policy).as(path).isEqualTo(SecurityHeadersFilter.POLICY)
          .contains("frame-ancestors 'none'").contains("script-src 'self'")
          .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).get().isEqualTo("nosniff");
    }
    assertThat(dpo.get("/console/nowhere").statusCode()).isEqualTo(404);
    assertThat(dpo.get("/console/").headers().firstValue("Cache-Control")).get()
        .isEqualTo("no-store");
  }

  @Test
  void theSearchFormLeadsToThePersonOrRecordPage() {
    ConsoleClient dpo = browser();
    dpo.signIn(auditor);
    assertThat(dpo.get("/console/search?kind=subject&q=child%201").headers()
        .firstValue("Location")).get().asString().endsWith("/console/subjects/child%201");
    assertThat(dpo.get("/console/search?kind=actor&q=sw-1").headers().firstValue("Location"))
        .get().asString().endsWith("/console/actors/sw-1");
    assertThat(dpo.get("/console/search?kind=record&q=case-note/CN-1").headers()
        .firstValue("Location")).get().asString().endsWith("/console/records/case-note/CN-1");
    long before = SERVER.treeSize();
    assertThat(dpo.get("/console/search?kind=record&q=CN-1").statusCode()).isEqualTo(400);
    assertThat(dpo.get("/console/search?kind=subject&q=").statusCode()).isEqualTo(400);
    assertThat(SERVER.treeSize()).isEqualTo(before);
  }
}
