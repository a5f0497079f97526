package io.accessledger.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormFieldsTest {
  @Test
  void aFieldGivenOnceIsDecodedAndOneGivenTwiceOrBadlyEncodedIsNot() {
    assertThat(FormFields.single("csrf=a%2Bb&note=x", "csrf")).isEqualTo("a+b");
    assertThat(FormFields.single("note=x&csrf=", "csrf")).isEmpty();
    assertThat(FormFields.single("note=x", "csrf")).isNull();
    assertThat(FormFields.single("csrf=a&csrf=a", "csrf")).isNull();
    assertThat(FormFields.single("csrf=%zz", "csrf")).isNull();
  }
}
