package org.tongxing.organisation;

import java.time.Instant;
import java.util.Locale;

/**
 * What other modules and pages may know of a unit.
 *
 * @param path the materialised path of ids from the root, e.g. {@code /1/5/12/}
 * @param depth 0 for the root
 */
public record UnitView(UnitId id, UnitId parentId, String path, int depth, String name, String nameEn, String shortCode,
		UnitType type, String country, String city, String timeZone, String description, String contact,
		UnitStatus status, Instant closedAt, String closedReason) {

	public boolean isOpen() {
		return this.status == UnitStatus.OPEN;
	}

	public boolean isRoot() {
		return this.parentId == null;
	}

	/** The English name for English readers when there is one, else the Chinese name. */
	public String displayName(Locale locale) {
		if (locale != null && "en".equals(locale.getLanguage()) && this.nameEn != null && !this.nameEn.isBlank()) {
			return this.nameEn;
		}
		return this.name;
	}

	/** Whether {@code other} is this unit or lies below it. */
	public boolean contains(UnitView other) {
		return other.path.startsWith(this.path);
	}

}
