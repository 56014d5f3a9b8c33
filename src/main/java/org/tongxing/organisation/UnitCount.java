package org.tongxing.organisation;

/**
 * One figure on a unit's page, e.g. how many sub-units or volunteers it has.
 *
 * @param labelKey the message key of the figure's label
 * @param value the figure
 */
public record UnitCount(String labelKey, long value) {
}
