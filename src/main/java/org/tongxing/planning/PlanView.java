package org.tongxing.planning;

/**
 * A year's plan: its title and summary; its themes and campaigns are read separately.
 */
public record PlanView(PlanId id, int year, String title, String summary) {
}
