package org.tongxing.organisation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AccountView;
import org.tongxing.account.Accounts;
import org.tongxing.account.AuditLog;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.domain.Unit;
import org.tongxing.organisation.domain.UnitAdminRepository;
import org.tongxing.organisation.domain.UnitRepository;

/**
 * The unit tree, for pages and for other modules. Every read takes a {@link UnitScope}
 * and answers only within it (a unit outside it is reported as absent, so callers answer
 * 404); every change takes one too and is refused (403) unless the scope may make it
 * ({@link UnitScope#mayManage}, {@link UnitScope#mayManageBelow},
 * {@link UnitScope#requireCoordinator}). Changes are audited and publish events
 * ({@link UnitCreated}, {@link UnitMoved}, ...) in the transaction that makes them.
 */
@Service
public class Units {

	private final UnitRepository units;

	private final UnitAdminRepository admins;

	private final Accounts accounts;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<UnitCounter> counters;

	private final Clock clock;

	Units(UnitRepository units, UnitAdminRepository admins, Accounts accounts, AuditLog auditLog,
			ApplicationEventPublisher events, ObjectProvider<UnitCounter> counters) {
		this.units = units;
		this.admins = admins;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.events = events;
		this.counters = counters;
		this.clock = Clock.systemUTC();
	}

	// --- scope ---

	/**
	 * What the account may see and change: everything for coordinators and leadership
	 * (read only); the subtrees of the units an admin admins (to manage, see
	 * {@link UnitScope}); nothing for anyone else.
	 */
	@Transactional(readOnly = true)
	public UnitScope scopeOf(SignedInAccount account) {
		if (account.seesEverything()) {
			return UnitScope.everything(account.has(org.tongxing.account.Role.COORDINATOR));
		}
		return UnitScope.subtrees(this.admins.pathsAdministeredBy(account.id().value()));
	}

	/** The scope of the account signed in on this thread; nothing when none is. */
	@Transactional(readOnly = true)
	public UnitScope currentScope() {
		return Accounts.current().map(this::scopeOf).orElseGet(UnitScope::nothing);
	}

	/** Whether the account admins at least one unit. */
	@Transactional(readOnly = true)
	public boolean administersAny(AccountId account) {
		return this.admins.administersAny(account.value());
	}

	// --- reads ---

	/**
	 * Whether the unit exists and is open. Modules ask this before adding members or
	 * activities to a unit; an unknown unit is not open.
	 */
	@Transactional(readOnly = true)
	public boolean isOpen(UnitId unit) {
		return this.units.find(unit.value()).map(Unit::isOpen).orElse(false);
	}

	/** The unit, when it exists and the scope sees it. */
	@Transactional(readOnly = true)
	public Optional<UnitView> find(UnitScope scope, UnitId id) {
		return this.units.findVisible(scope, id.value()).map(Unit::view);
	}

	/**
	 * The unit.
	 * @throws UnitNotFoundException when it does not exist or the scope does not see it
	 */
	@Transactional(readOnly = true)
	public UnitView get(UnitScope scope, UnitId id) {
		return find(scope, id).orElseThrow(() -> new UnitNotFoundException(id));
	}

	public boolean canSee(UnitScope scope, UnitId id) {
		return find(scope, id).isPresent();
	}

	/** Every unit the scope sees, in tree order (parents before their sub-units). */
	@Transactional(readOnly = true)
	public List<UnitView> list(UnitScope scope) {
		return this.units.findAllVisible(scope).stream().map(Unit::view).toList();
	}

	/** The ids of every unit the scope sees, for queries of other modules. */
	@Transactional(readOnly = true)
	public Set<UnitId> visibleUnitIds(UnitScope scope) {
		Set<UnitId> ids = new LinkedHashSet<>();
		this.units.findAllVisible(scope).forEach((unit) -> ids.add(unit.unitId()));
		return ids;
	}

	/** The visible ancestors of a unit, from the topmost, without the unit itself. */
	@Transactional(readOnly = true)
	public List<UnitView> ancestors(UnitScope scope, UnitView unit) {
		List<Long> ids = new ArrayList<>(
				Arrays.stream(unit.path().split("/")).filter((part) -> !part.isEmpty()).map(Long::valueOf).toList());
		ids.remove(Long.valueOf(unit.id().value()));
		return this.units.findVisible(scope, ids).stream().map(Unit::view).toList();
	}

	/** The visible direct sub-units of a unit. */
	@Transactional(readOnly = true)
	public List<UnitView> children(UnitScope scope, UnitId id) {
		return this.units.findVisibleChildren(scope, id.value()).stream().map(Unit::view).toList();
	}

	/** The admins of a visible unit. */
	@Transactional(readOnly = true)
	public List<UnitAdmin> admins(UnitScope scope, UnitId id) {
		UnitView unit = get(scope, id);
		List<UnitAdmin> result = new ArrayList<>();
		for (UnitAdminRepository.Appointment appointment : this.admins.findByUnit(unit.id().value())) {
			AccountId account = new AccountId(appointment.accountId());
			this.accounts.find(account)
				.ifPresent((view) -> result.add(new UnitAdmin(unit.id(), account, view.username(), view.displayName(),
						appointment.appointedAt())));
		}
		return result;
	}

	/** The figures of a visible unit, from every {@link UnitCounter}. */
	@Transactional(readOnly = true)
	public List<UnitCount> counts(UnitScope scope, UnitId id) {
		UnitView unit = get(scope, id);
		return this.counters.orderedStream().flatMap((counter) -> counter.count(unit).stream()).toList();
	}

	// --- changes ---

	/**
	 * Creates the association, the root of the tree. The database holds at most one root.
	 */
	@Transactional
	public UnitId createRoot(UnitScope scope, UnitDetails details) {
		scope.requireCoordinator();
		Unit root = Unit.association(this.units.nextId(), details);
		this.units.insert(root);
		this.auditLog.record("unit", root.id(), "created", null, root.auditState());
		publish(root);
		return root.unitId();
	}

	/**
	 * Creates a unit under a parent the scope manages.
	 * @throws UnitClosedException when the parent is closed
	 * @throws UnitRuleViolationException when the details break a rule
	 */
	@Transactional
	public UnitId create(UnitScope scope, UnitId parentId, UnitDetails details) {
		// The parent's lock keeps it from closing or moving while its new sub-unit is
		// written.
		Unit parent = lockVisible(scope, parentId);
		scope.requireMayManage(parent.path());
		Unit unit = parent.createChild(this.units.nextId(), details);
		this.units.insert(unit);
		this.auditLog.record("unit", unit.id(), "created", null, unit.auditState());
		publish(unit);
		return unit.unitId();
	}

	/** Renames a unit the scope manages or changes its other details. */
	@Transactional
	public void edit(UnitScope scope, UnitId id, UnitDetails details) {
		Unit unit = lockVisible(scope, id);
		scope.requireMayManage(unit.path());
		Map<String, Object> before = unit.auditState();
		unit.edit(details);
		this.units.update(unit);
		this.auditLog.record("unit", unit.id(), "edited", before, unit.auditState());
		publish(unit);
	}

	/**
	 * Moves a unit and its subtree under a new parent; the paths of the whole subtree
	 * change in one statement. The scope must manage the unit from below
	 * ({@link UnitScope#mayManageBelow}) and manage the new parent.
	 * @throws MoveIntoOwnSubtreeException when the new parent is the unit or below it
	 * @throws RootUnitException when the unit is the root
	 * @throws UnitClosedException when the new parent is closed
	 */
	@Transactional
	public void move(UnitScope scope, UnitId id, UnitId newParentId) {
		// Every move takes the root's row lock first, so moves run one at a time and each
		// checks
		// for cycles against the tree as the previous one committed it: two opposite
		// moves
		// (A under B, B under A) cannot both pass the check.
		this.units.lockRoot();
		Unit unit = lockVisible(scope, id);
		scope.requireMayManageBelow(unit.path());
		// Locking the subtree before rewriting it makes a sub-unit being created in it
		// either
		// commit before our update (which then sees it) or wait and read the new path.
		this.units.lockSubtree(unit.path());
		Unit newParent = lockVisible(scope, newParentId);
		scope.requireMayManage(newParent.path());
		Map<String, Object> before = unit.auditState();
		String oldPath = unit.moveUnder(newParent);
		this.units.moveSubtree(unit.id(), newParent.id(), oldPath, unit.path());
		this.auditLog.record("unit", unit.id(), "moved", before, unit.auditState());
		publish(unit);
	}

	/**
	 * Closes a unit the scope manages from below: it keeps its history and takes no new
	 * sub-units, members or activities.
	 * @throws OpenSubUnitsException when sub-units are open
	 */
	@Transactional
	public void close(UnitScope scope, UnitId id, String reason) {
		Unit unit = lockVisible(scope, id);
		scope.requireMayManageBelow(unit.path());
		Map<String, Object> before = unit.auditState();
		unit.close(reason, this.clock.instant(), this.units.countOpenChildren(unit.id()));
		this.units.update(unit);
		this.auditLog.record("unit", unit.id(), "closed", before, unit.auditState());
		publish(unit);
	}

	/**
	 * Opens a closed unit the scope manages from below again.
	 * @throws ParentClosedException when its parent is closed
	 */
	@Transactional
	public void reopen(UnitScope scope, UnitId id) {
		Unit unit = lockVisible(scope, id);
		scope.requireMayManageBelow(unit.path());
		Unit parent = (unit.parentId() != null) ? this.units.lock(unit.parentId()).orElseThrow() : null;
		Map<String, Object> before = unit.auditState();
		unit.reopen(parent);
		this.units.update(unit);
		this.auditLog.record("unit", unit.id(), "reopened", before, unit.auditState());
		publish(unit);
	}

	/**
	 * Appoints an account admin of a unit (and so of its subtree).
	 * @throws AdminAlreadyAppointedException when it is already
	 */
	@Transactional
	public void appointAdmin(UnitScope scope, UnitId id, AccountId account) {
		scope.requireCoordinator();
		Unit unit = lockVisible(scope, id);
		AccountView view = this.accounts.find(account).orElseThrow(() -> new IllegalArgumentException("No account"));
		Long by = Accounts.current().map((current) -> current.id().value()).orElse(null);
		if (!this.admins.appoint(unit.id(), account.value(), by)) {
			throw new AdminAlreadyAppointedException();
		}
		this.auditLog.record("unit", unit.id(), "admin-appointed", null, adminState(view));
		this.events.publishEvent(new UnitAdminAppointed(unit.unitId(), account));
	}

	/** Removes an account as admin of a unit; nothing happens when it is not one. */
	@Transactional
	public void removeAdmin(UnitScope scope, UnitId id, AccountId account) {
		scope.requireCoordinator();
		Unit unit = lockVisible(scope, id);
		if (this.admins.remove(unit.id(), account.value())) {
			Map<String, Object> state = this.accounts.find(account)
				.map(Units::adminState)
				.orElseGet(() -> Map.of("accountId", account.value()));
			this.auditLog.record("unit", unit.id(), "admin-removed", state, null);
			this.events.publishEvent(new UnitAdminRemoved(unit.unitId(), account));
		}
	}

	private Unit lockVisible(UnitScope scope, UnitId id) {
		Unit unit = this.units.lock(id.value()).orElseThrow(() -> new UnitNotFoundException(id));
		if (!scope.canSee(unit.path())) {
			throw new UnitNotFoundException(id);
		}
		return unit;
	}

	private void publish(Unit unit) {
		unit.pullEvents().forEach(this.events::publishEvent);
	}

	private static Map<String, Object> adminState(AccountView account) {
		return Map.of("accountId", account.id().value(), "username", account.username());
	}

}
