package io.accessledger.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginFormsTest {
  private final LoginForms forms = new LoginForms();

  @Test
  void onlyTheFieldMadeForTheNonceByThisProcessMatches() {
    String nonce = forms.newNonce();
    String field = forms.fieldFor(nonce);
    assertThat(forms.matches(nonce, field)).isTrue();
    assertThat(forms.matches(forms.newNonce(), field)).as("another nonce").isFalse();
    assertThat(forms.matches(nonce, nonce)).as("the nonce itself").isFalse();
    assertThat(forms.matches(nonce, new LoginForms().fieldFor(nonce))).as("another key").isFalse();
    assertThat(forms.matches(null, field)).isFalse();
    assertThat(forms.matches(nonce, null)).isFalse();
  }
}
