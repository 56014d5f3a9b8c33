package org.tongxing.organisation.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tongxing.organisation.InvalidUnitDetailsException;
import org.tongxing.organisation.MoveIntoOwnSubtreeException;
import org.tongxing.organisation.OpenSubUnitsException;
import org.tongxing.organisation.ParentClosedException;
import org.tongxing.organisation.RootUnitException;
import org.tongxing.organisation.UnitClosed;
import org.tongxing.organisation.UnitClosedException;
import org.tongxing.organisation.UnitCreated;
import org.tongxing.organisation.UnitDetails;
import org.tongxing.organisation.UnitDetailsChanged;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitMoved;
import org.tongxing.organisation.UnitReopened;
import org.tongxing.organisation.UnitStatus;
import org.tongxing.organisation.UnitType;
import org.tongxing.organisation.UnitView;

/**
 * A unit of the association's tree. Guards the rules of the tree: one association at the
 * root, which never moves or closes; no sub-units under a closed unit; no move under
 * itself or its own descendants; no closing while sub-units are open; a mission abroad
 * has a country, a city and a valid IANA time zone. Changes register events that the
 * caller publishes after saving.
 */
public class Unit {

	static final int MAX_NAME = 200;

	private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

	private final long id;

	private Long parentId;

	private String path;

	private String name;

	private String nameEn;

	private String shortCode;

	private UnitType type;

	private String country;

	private String city;

	private String timeZone;

	private String description;

	private String contact;

	private UnitStatus status;

	private Instant closedAt;

	private String closedReason;

	private final List<Object> events = new ArrayList<>();

	private Unit(long id, Long parentId, String path) {
		this.id = id;
		this.parentId = parentId;
		this.path = path;
		this.status = UnitStatus.OPEN;
	}

	/** The association, the root of the tree (the database allows one). */
	public static Unit association(long id, UnitDetails details) {
		if (details.type() != UnitType.ASSOCIATION) {
			throw new RootUnitException("The root must be an association", "organisation.error.rootType", "type");
		}
		Unit root = new Unit(id, null, "/" + id + "/");
		root.apply(details);
		root.events.add(new UnitCreated(root.unitId(), null, root.path));
		return root;
	}

	/** Restores a unit from storage, without events. */
	public static Unit restore(long id, Long parentId, String path, UnitDetails details, UnitStatus status,
			Instant closedAt, String closedReason) {
		Unit unit = new Unit(id, parentId, path);
		unit.name = details.name();
		unit.nameEn = details.nameEn();
		unit.shortCode = details.shortCode();
		unit.type = details.type();
		unit.country = details.country();
		unit.city = details.city();
		unit.timeZone = details.timeZone();
		unit.description = details.description();
		unit.contact = details.contact();
		unit.status = status;
		unit.closedAt = closedAt;
		unit.closedReason = closedReason;
		return unit;
	}

	/**
	 * A new sub-unit of this one, with the id reserved for it.
	 * @throws UnitClosedException when this unit is closed
	 */
	public Unit createChild(long childId, UnitDetails details) {
		if (!isOpen()) {
			throw new UnitClosedException(unitId());
		}
		refuseAssociation(details);
		Unit child = new Unit(childId, this.id, this.path + childId + "/");
		child.apply(details);
		child.events.add(new UnitCreated(child.unitId(), unitId(), child.path));
		return child;
	}

	/** Renames the unit or changes its other details; the root stays an association. */
	public void edit(UnitDetails details) {
		if (isRoot()) {
			if (details.type() != UnitType.ASSOCIATION) {
				throw new RootUnitException("The root stays an association", "organisation.error.rootType", "type");
			}
		}
		else {
			refuseAssociation(details);
		}
		apply(details);
		this.events.add(new UnitDetailsChanged(unitId()));
	}

	/**
	 * Moves this unit, with its subtree, under {@code newParent}. The caller must hold
	 * the row locks of both and of the subtree, and then rewrite the subtree's paths.
	 * @return the path before the move
	 */
	public String moveUnder(Unit newParent) {
		if (isRoot()) {
			throw new RootUnitException("The association cannot move", "organisation.error.rootCannotMove", "parentId");
		}
		if (newParent.path.startsWith(this.path)) {
			throw new MoveIntoOwnSubtreeException(unitId(), newParent.unitId());
		}
		if (!newParent.isOpen()) {
			throw new UnitClosedException(newParent.unitId());
		}
		String oldPath = this.path;
		UnitId oldParent = parentUnitId();
		this.parentId = newParent.id;
		this.path = newParent.path + this.id + "/";
		this.events.add(new UnitMoved(unitId(), oldParent, newParent.unitId(), oldPath, this.path));
		return oldPath;
	}

	/**
	 * Closes the unit; it keeps its history and takes no new sub-units.
	 * @param openSubUnits how many direct sub-units are open (counted under this unit's
	 * lock)
	 */
	public void close(String reason, Instant at, long openSubUnits) {
		if (isRoot()) {
			throw new RootUnitException("The association cannot close", "organisation.error.rootCannotClose", null);
		}
		if (!isOpen()) {
			throw new UnitClosedException(unitId());
		}
		if (openSubUnits > 0) {
			throw new OpenSubUnitsException(unitId(), openSubUnits);
		}
		String trimmed = trim(reason);
		if (trimmed == null) {
			throw new InvalidUnitDetailsException("reason", "organisation.error.reasonRequired");
		}
		this.status = UnitStatus.CLOSED;
		this.closedAt = at;
		this.closedReason = trimmed;
		this.events.add(new UnitClosed(unitId()));
	}

	/**
	 * Opens a closed unit again.
	 * @param parent its parent, which must be open; {@code null} for the root
	 */
	public void reopen(Unit parent) {
		if (isOpen()) {
			return;
		}
		if (parent != null && !parent.isOpen()) {
			throw new ParentClosedException(unitId());
		}
		this.status = UnitStatus.OPEN;
		this.closedAt = null;
		this.closedReason = null;
		this.events.add(new UnitReopened(unitId()));
	}

	private void apply(UnitDetails details) {
		String name = trim(details.name());
		if (name == null) {
			throw new InvalidUnitDetailsException("name", "organisation.error.nameRequired");
		}
		if (name.length() > MAX_NAME) {
			throw new InvalidUnitDetailsException("name", "organisation.error.nameTooLong");
		}
		if (details.type() == null) {
			throw new InvalidUnitDetailsException("type", "organisation.error.typeRequired");
		}
		String country = null;
		String city = null;
		String zone = null;
		if (details.type() == UnitType.MISSION_ABROAD) {
			country = trim(details.country());
			city = trim(details.city());
			zone = trim(details.timeZone());
			if (country == null) {
				throw new InvalidUnitDetailsException("country", "organisation.error.countryRequired");
			}
			if (city == null) {
				throw new InvalidUnitDetailsException("city", "organisation.error.cityRequired");
			}
			if (zone == null) {
				throw new InvalidUnitDetailsException("timeZone", "organisation.error.timeZoneRequired");
			}
			// Only region ids (Europe/Paris): offsets such as +08:00 ignore summer time.
			if (!ZONES.contains(zone)) {
				throw new InvalidUnitDetailsException("timeZone", "organisation.error.timeZoneInvalid");
			}
			zone = ZoneId.of(zone).getId();
		}
		this.name = name;
		this.nameEn = trim(details.nameEn());
		this.shortCode = trim(details.shortCode());
		this.type = details.type();
		this.country = country;
		this.city = city;
		this.timeZone = zone;
		this.description = trim(details.description());
		this.contact = trim(details.contact());
	}

	private static void refuseAssociation(UnitDetails details) {
		if (details.type() == UnitType.ASSOCIATION) {
			throw new RootUnitException("Only the root is an association", "organisation.error.onlyRootIsAssociation",
					"type");
		}
	}

	private static String trim(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	public long id() {
		return this.id;
	}

	public UnitId unitId() {
		return new UnitId(this.id);
	}

	public Long parentId() {
		return this.parentId;
	}

	private UnitId parentUnitId() {
		return (this.parentId != null) ? new UnitId(this.parentId) : null;
	}

	public String path() {
		return this.path;
	}

	public boolean isRoot() {
		return this.parentId == null;
	}

	public boolean isOpen() {
		return this.status == UnitStatus.OPEN;
	}

	public UnitDetails details() {
		return new UnitDetails(this.name, this.nameEn, this.shortCode, this.type, this.country, this.city,
				this.timeZone, this.description, this.contact);
	}

	public UnitStatus status() {
		return this.status;
	}

	public Instant closedAt() {
		return this.closedAt;
	}

	public String closedReason() {
		return this.closedReason;
	}

	public UnitView view() {
		return new UnitView(unitId(), parentUnitId(), this.path, depthOf(this.path), this.name, this.nameEn,
				this.shortCode, this.type, this.country, this.city, this.timeZone, this.description, this.contact,
				this.status, this.closedAt, this.closedReason);
	}

	static int depthOf(String path) {
		return (int) path.chars().filter((c) -> c == '/').count() - 2;
	}

	/** The events registered since the last call, for publishing after saving. */
	public List<Object> pullEvents() {
		List<Object> pulled = List.copyOf(this.events);
		this.events.clear();
		return pulled;
	}

	/** The state recorded in the audit log. */
	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("parentId", this.parentId);
		state.put("path", this.path);
		state.put("name", this.name);
		state.put("nameEn", this.nameEn);
		state.put("shortCode", this.shortCode);
		state.put("type", this.type.name());
		state.put("country", this.country);
		state.put("city", this.city);
		state.put("timeZone", this.timeZone);
		state.put("description", this.description);
		state.put("contact", this.contact);
		state.put("status", this.status.name());
		state.put("closedAt", (this.closedAt != null) ? this.closedAt.toString() : null);
		state.put("closedReason", this.closedReason);
		return state;
	}

}
