package org.tongxing.planning;

/**
 * A theme on one level of a year's plan.
 */
public record ThemeView(ThemeId id, PlanId planId, int year, PlanLevel level, String name, String description) {
}
