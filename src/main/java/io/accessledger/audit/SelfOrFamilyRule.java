package io.accessledger.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code SELF_OR_FAMILY}: a view of a subject the staff-relationship list links to the viewer,
 * allocated or not, naming how they are related. Its entry: the view.
 */
final class SelfOrFamilyRule implements NeedToKnowRule {
  private final Map<String, Map<String, String>> relationships;

  /** @param relationships actor id to the subject ids (and how they are related) of their family */
  SelfOrFamilyRule(Map<String, Map<String, String>> relationships) {
    this.relationships = Map.copyOf(relationships);
  }

  @Override
  public Rule rule() {
    return Rule.SELF_OR_FAMILY;
  }

  @Override
  public Optional<Finding> check(ViewEntry view, CaseFacts facts) {
    Map<String, String> family = relationships.getOrDefault(view.actor(), Map.of());
    if (!family.containsKey(view.subject())) {
      return Optional.empty();
    }
    return Optional.of(Finding.aboutView(Rule.SELF_OR_FAMILY, view, view.describe() + " at "
        + view.at() + "; the staff-relationship list links " + view.actor() + " to "
        + view.subject() + " (" + family.get(view.subject()) + ")", List.of()));
  }
}
