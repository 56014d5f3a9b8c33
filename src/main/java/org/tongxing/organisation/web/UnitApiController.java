package org.tongxing.organisation.web;

import java.time.Instant;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitStatus;
import org.tongxing.organisation.UnitType;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;

/**
 * Read-only JSON API of the unit tree, within the caller's unit scope.
 * <ul>
 * <li>{@code GET /api/v1/units}: every unit the caller may see, flat, in tree order (a
 * unit's parent comes before it), each with {@code parentId} and its materialised
 * {@code path} (e.g. {@code "/1/5/12/"}).</li>
 * <li>{@code GET /api/v1/units/{id}}: one unit; 404 when it does not exist or lies
 * outside the caller's scope.</li>
 * </ul>
 * Callers who see no unit at all get 403.
 */
@RestController
@RequestMapping("/api/v1/units")
class UnitApiController {

	private final Units units;

	UnitApiController(Units units) {
		this.units = units;
	}

	/** The units in the caller's scope. */
	@GetMapping
	List<UnitResource> list() {
		return this.units.list(scope()).stream().map(UnitResource::of).toList();
	}

	/** One unit in the caller's scope, else 404. */
	@GetMapping("/{id}")
	UnitResource unit(@PathVariable long id) {
		return UnitResource.of(this.units.get(scope(), new UnitId(id)));
	}

	private UnitScope scope() {
		UnitScope scope = this.units.currentScope();
		if (scope.seesNothing()) {
			throw new AccessDeniedException("No units in scope");
		}
		return scope;
	}

	/**
	 * A unit as the API shows it. {@code country}, {@code city} and {@code timeZone} are
	 * set for missions abroad only; {@code closedAt} for closed units only.
	 */
	record UnitResource(long id, Long parentId, String path, int depth, String name, String nameEn, String shortCode,
			UnitType type, String country, String city, String timeZone, String description, String contact,
			UnitStatus status, Instant closedAt) {

		static UnitResource of(UnitView unit) {
			return new UnitResource(unit.id().value(), (unit.parentId() != null) ? unit.parentId().value() : null,
					unit.path(), unit.depth(), unit.name(), unit.nameEn(), unit.shortCode(), unit.type(),
					unit.country(), unit.city(), unit.timeZone(), unit.description(), unit.contact(), unit.status(),
					unit.closedAt());
		}

	}

}
